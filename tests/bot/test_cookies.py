"""Logins via cookies: a login wall on loopback, opened by a cookies.txt in both downloaders.

The media server's login files answer 401 without their cookie. yt-dlp takes the
``.mp4`` link, gallery-dl the ``.jpg`` one (``downloaders.routing``); both read a
Netscape cookies.txt whose domain is ``127.0.0.1``. A cookie's value is a password: the
last tests look for a unique one in every log, message, record, page and output.
"""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import discord
import discord.ext.test as dpytest
import pytest
from loguru import logger
from typer.testing import CliRunner

from boss_bot.cli import _doctor
from boss_bot.cli.app import app
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.log import file_format
from tests.bot.conftest import drain
from tests.support.media import make_image, make_video
from tests.support.media_server import MediaServer

LINKS = [pytest.param("/members/clip.mp4", id="yt-dlp"), pytest.param("/members/pic.jpg", id="gdl")]


@dataclass
class Wall:
    """A loopback server whose ``/members/`` files want the cookie ``sid=<secret>``."""

    server: MediaServer
    secret: str  # found nowhere else: seeing it anywhere is a leak

    def url(self, path: str) -> str:
        return self.server.url(path)

    def cookies_txt(self, path: Path, extra: str = "") -> Path:
        """Write a browser-style export (header, comment, an HTTP-only cookie, ours), mode 600."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "# Netscape HTTP Cookie File\n# https://curl.se/docs/http-cookies.html\n\n"
            "#HttpOnly_.example.com\tTRUE\t/\tTRUE\t2000000000\tother\tnot-for-us\n"
            f"127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\t{self.secret}\n{extra}"
        )
        path.chmod(0o600)
        return path


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("members")
    return {".mp4": make_video(root / "clip.mp4", seconds=1), ".jpg": make_image(root / "p.png")}


@pytest.fixture
def wall(media: dict[str, Path]) -> Iterator[Wall]:
    secret = f"cookie-value-{uuid.uuid4().hex}"
    with MediaServer() as server:
        for path in ("/members/clip.mp4", "/members/pic.jpg"):
            kind = "video/mp4" if path.endswith(".mp4") else "image/png"
            server.add_login_file(path, media[Path(path).suffix], kind, f"sid={secret}")
        yield Wall(server, secret)


async def dl(bot, url: str) -> tuple[str, list[discord.Attachment]]:
    """``$dl url``; return the final status and what was posted."""
    await dpytest.message(f"$dl {url}")
    ack = dpytest.get_message()
    await drain(bot, timeout=60)
    status = (await ack.channel.fetch_message(ack.id)).content
    posted = [] if dpytest.verify().message().nothing() else dpytest.get_message().attachments
    return status, posted


@pytest.mark.parametrize("path", LINKS)
async def test_cookies_open_a_login_wall(
    make_bot, downloaders, wall: Wall, tmp_path: Path, path: str
) -> None:
    """With the cookies file set, the file behind the wall is posted; the file is untouched."""
    jar = wall.cookies_txt(tmp_path / "mine" / "cookies.txt")
    before = jar.read_bytes()
    bot = await make_bot(downloaders.route, cookies_file=jar)
    status, posted = await dl(bot, wall.url(path))
    assert status.startswith("✅"), status
    assert "Skipped" not in status  # the job's copy of the cookies is not in its directory
    assert len([a for a in posted if a.filename != "poster.jpg"]) == 1  # and a video's poster
    assert jar.read_bytes() == before  # yt-dlp wrote its cookies back into its own copy
    assert (jar.stat().st_mode & 0o777, list(bot.service._parts.storage.temp.iterdir())) == (
        0o600,
        [],
    )


@pytest.mark.parametrize("path", LINKS)
async def test_without_cookies_the_job_says_who_can_fix_it(
    make_bot, downloaders, wall: Wall, path: str
) -> None:
    """No cookies file: the job ends with the login message naming the host."""
    bot = await make_bot(downloaders.route)
    status, posted = await dl(bot, wall.url(path))
    assert status.startswith("❌"), status
    assert (
        "That needs a signed-in account on 127.0.0.1. An operator can add cookies for "
        "127.0.0.1: see the operator guide (Cookies)." in status
    )
    assert status.endswith("and gallery-dl (needs a login).") or status.endswith(
        "and yt-dlp (needs a login)."
    )  # the other library was tried too, and said the same
    assert posted == []


async def test_imported_cookies_are_used_from_the_data_directory(
    make_bot, make_settings, downloaders, wall: Wall, tmp_path: Path
) -> None:
    """``bossbotctl cookies import`` installs into the data dir, where the bot finds them."""
    data_dir = make_settings().data_dir
    export = wall.cookies_txt(tmp_path / "Downloads" / "cookies.txt")
    export.chmod(0o644)
    result = CliRunner().invoke(
        app, ["cookies", "import", str(export)], env={"BOSS_BOT_DATA_DIR": str(data_dir)}
    )
    assert result.exit_code == 0, result.output
    assert "127.0.0.1: 1 cookie, session only" in result.output
    assert (data_dir / "cookies.txt").stat().st_mode & 0o777 == 0o600
    bot = await make_bot(downloaders.route)
    status, posted = await dl(bot, wall.url("/members/pic.jpg"))
    assert status.startswith("✅"), status
    assert len(posted) == 1


async def _run(bot, urls: list[str], log: Path) -> list[str]:
    """``$dl`` each link, every log line (TRACE up) going to ``log``; return what was shown."""
    sink = logger.add(log, level="TRACE", format=file_format, diagnose=False)
    try:
        for url in urls:
            await dpytest.message(f"$dl {url}")
            await drain(bot, timeout=60)
    finally:
        logger.remove(sink)
    channel = dpytest.get_config().channels[0]
    shown = [m.content + str([e.to_dict() for e in m.embeds]) async for m in channel.history()]
    observe = bot.get_cog("Observe")
    for page in (observe.metrics_page, observe.health_page):
        shown.append((await page(None)).body.decode())
    records = bot.service._parts.storage.downloads.rglob("metadata.json")
    return [log.read_text(), *shown, *(record.read_text() for record in records)]


def _cli(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], *commands: list[str]) -> list[str]:
    """The output of ``bossbotctl`` commands (doctor's download check failing fast)."""
    monkeypatch.setattr(_doctor, "Forker", lambda: Forker(["/nonexistent/python"]))
    return [CliRunner().invoke(app, args, env=env).output for args in commands]


async def test_a_cookie_value_appears_nowhere(
    make_bot, downloaders, wall: Wall, tmp_path: Path, monkeypatch
) -> None:
    """Jobs that pass the wall and jobs refused with the cookie sent: no trace of its value."""
    jar = wall.cookies_txt(tmp_path / "cookies.txt")
    bot = await make_bot(downloaders.route, cookies_file=jar)
    body = b"\x89PNG\r\n\x1a\n"
    wall.server.add_login_file("/members/x.mp4", body, "video/mp4", "sid=theirs", status=403)
    wall.server.add_login_file("/members/x.jpg", body, "image/png", "sid=theirs", status=401)
    paths = ["/members/clip.mp4", "/members/pic.jpg", "/members/x.mp4", "/members/x.jpg"]
    seen = await _run(bot, [wall.url(path) for path in paths], tmp_path / "bot.log")
    assert sum("✅" in text for text in seen) == 2, seen  # a test that saw nothing proves nothing
    assert any("The site refused access (403)" in text for text in seen)
    assert any("That needs a signed-in account on 127.0.0.1" in text for text in seen)
    sent = [headers.get("Cookie", "") for _, _, headers in wall.server.requests]
    assert all(cookie == f"sid={wall.secret}" for cookie in sent), sent  # not example.com's
    env = {"BOSS_BOT_DATA_DIR": str(tmp_path / "data"), "BOSS_BOT_COOKIES_FILE": str(jar)}
    seen += _cli(monkeypatch, env, ["config"], ["doctor"], ["cookies", "import", str(jar)])
    assert "127.0.0.1: 1 cookie" in seen[-1]
    assert [text for text in seen if wall.secret in text] == []


async def test_a_broken_cookies_file_is_refused_without_being_quoted(
    make_bot, downloaders, wall: Wall, tmp_path: Path, monkeypatch
) -> None:
    """A bad line makes the file unused, said by line number: the job gets the login message."""
    bad = f"127.0.0.1\tFALSE\t/\tFALSE\tsoon\tsid\t{wall.secret}\n"  # yt-dlp would print it
    jar = wall.cookies_txt(tmp_path / "cookies.txt", extra=bad)
    bot = await make_bot(downloaders.route, cookies_file=jar)
    seen = await _run(bot, [wall.url("/members/clip.mp4")], tmp_path / "bot.log")
    assert "not used: line 6: the expiry is not a number" in seen[0]
    assert any("That needs a signed-in account on 127.0.0.1" in text for text in seen)
    env = {"BOSS_BOT_DATA_DIR": str(tmp_path / "data"), "BOSS_BOT_COOKIES_FILE": str(jar)}
    seen += _cli(monkeypatch, env, ["doctor"], ["cookies", "import", str(jar)])
    assert "[FAIL] cookies: " in seen[-2]
    assert "was not installed: line 6: the expiry is not a number" in seen[-1]
    assert [text for text in seen if wall.secret in text] == []
