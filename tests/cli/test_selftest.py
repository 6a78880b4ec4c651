"""``bossbotctl selftest``: the report for a list of links, offline on loopback.

``--live`` itself downloads from the real sites and is never run here; its list is only
checked for form.
"""

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boss_bot.cli._selftest import live_links, read_links
from boss_bot.cli.app import app
from tests.support.media import make_jpeg, make_video
from tests.support.media_server import MediaServer

runner = CliRunner()


def _row(output: str, *cells: str) -> re.Match[str] | None:
    """The table line whose first cells start with ``cells``, in order."""
    pattern = r"\s*│\s*".join(re.escape(cell) for cell in cells)
    return re.search(rf"^│\s*{pattern}", output, re.MULTILINE)


@pytest.mark.slow
def test_selftest_reports_each_link_and_fails_when_one_fails(monkeypatch, tmp_path) -> None:
    """Each link is a row (platform, downloader, result, size, hint); one failure: exit 1."""
    monkeypatch.setenv("BOSS_BOT_ALLOW_PRIVATE_URLS", "true")
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path / "data"))
    picture = make_jpeg(tmp_path / "p.jpg")
    clip = make_video(tmp_path / "c.mp4", seconds=1, size="160x120")
    with MediaServer() as server:
        listing = tmp_path / "links.txt"
        listing.write_text(
            "# loopback stand-ins for the real sites\n\n"
            f"Some picture  {server.add_file('/p.jpg', picture, 'image/jpeg')}\n"
            f"Some clip     {server.add_file('/c.mp4', clip, 'video/mp4')}\n"
            f"Gone post     {server.url('/missing.mp4')}\n"
        )
        result = runner.invoke(app, ["selftest", "--urls", str(listing)])
    assert result.exit_code == 1, result.output
    out = result.output
    for cell in ("platform", "downloader", "result", "size", "seconds", "hint"):
        assert cell in out.splitlines()[1]
    assert _row(out, "Some picture", "gallery-dl", "ok")
    assert _row(out, "Some clip", "yt-dlp", "ok")
    sizes = re.findall(r"^│ Some (?:picture|clip) .*│ ok +│ ([\d.]+ K?B) +│", out, re.MULTILINE)
    assert len(sizes) == 2, out
    assert _row(out, "Gone post", "yt-dlp", "The link answered 'not found'.")
    assert "the item is gone: replace it" in out
    assert "2 of 3 ok." in out
    assert not list(tmp_path.glob("bossbot-selftest-*"))


@pytest.mark.slow
def test_selftest_all_ok_exits_zero(monkeypatch, tmp_path) -> None:
    """A list where every item works ends with exit code 0."""
    monkeypatch.setenv("BOSS_BOT_ALLOW_PRIVATE_URLS", "true")
    picture = make_jpeg(tmp_path / "p.jpg")
    with MediaServer() as server:
        listing = tmp_path / "links.txt"
        listing.write_text(f"picture {server.add_file('/p.jpg', picture, 'image/jpeg')}\n")
        result = runner.invoke(app, ["selftest", "--urls", str(listing)])
    assert result.exit_code == 0, result.output
    assert "1 of 1 ok." in result.output


def test_selftest_without_live_or_urls_refuses() -> None:
    """Nobody runs it by accident (in CI, say): it says it needs the internet."""
    result = runner.invoke(app, ["selftest"])
    assert result.exit_code == 2
    assert "downloads real posts from the internet" in result.output
    assert "--live" in result.output


def test_a_line_without_a_platform_is_refused(tmp_path: Path) -> None:
    """A malformed list is one clear line, not a traceback."""
    listing = tmp_path / "links.txt"
    listing.write_text("https://example.com/a.jpg\n")
    result = runner.invoke(app, ["selftest", "--urls", str(listing)])
    assert result.exit_code == 2
    assert "cannot read the list of links: line 1: expected 'platform url'" in result.output


def test_the_live_list_covers_every_platform_of_the_issue() -> None:
    """The repository's list names each platform once, with an https link."""
    links = dict(read_links(live_links()))
    expected = {
        "X video",
        "X image",
        "Reddit image",
        "Reddit gallery",
        "v.redd.it",
        "YouTube short",
        "Instagram",
        "TikTok",
        "Imgur",
    }
    assert set(links) == expected
    assert all(url.startswith("https://") for url in links.values())
