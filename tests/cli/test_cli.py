"""``bossbotctl`` through Typer's test runner."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from boss_bot.cli.app import app
from tests.core.cleankit import tagged_video
from tests.support.media import make_video, probe
from tests.support.media_server import MediaServer

runner = CliRunner()


def test_config_masks_the_token(monkeypatch) -> None:
    """``config`` prints every setting as BOSS_BOT_* with the token hidden."""
    monkeypatch.setenv("BOSS_BOT_DISCORD_TOKEN", "super-secret-token")
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0
    assert "BOSS_BOT_DISCORD_TOKEN=**********" in result.output
    assert "BOSS_BOT_MAX_QUEUE_SIZE=50" in result.output
    assert "super-secret-token" not in result.output


@pytest.mark.parametrize("argv", [["run"], []])
def test_run_without_a_token_fails_with_one_line(argv: list[str]) -> None:
    """``run`` (and no command at all) exits 2 with one clear line when the token is missing."""
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert result.output.strip() == (
        "bossbotctl: BOSS_BOT_DISCORD_TOKEN is not set (put it in .env or the env)."
    )


def test_bad_configuration_fails_with_one_line(monkeypatch) -> None:
    """An invalid value stops every command with one line naming the variable."""
    monkeypatch.setenv("BOSS_BOT_LOG_FORMAT", "xml")
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 2
    assert result.output.startswith("bossbotctl: configuration error: BOSS_BOT_LOG_FORMAT")
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.slow
def test_download_writes_the_file_and_prints_it(monkeypatch, tmp_path: Path) -> None:
    """``download URL -o DIR`` runs the real pipeline and prints where the file is."""
    monkeypatch.setenv("BOSS_BOT_ALLOW_PRIVATE_URLS", "true")
    video = make_video(tmp_path / "src.mp4")
    out = tmp_path / "out"
    with MediaServer() as server:
        url = server.add_file("/clip.mp4", video, content_type="video/mp4")
        result = runner.invoke(app, ["download", url, "-o", str(out)])
        again = runner.invoke(app, ["download", url, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert again.exit_code == 0, again.output
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2  # the second download did not overwrite the first
    assert all((out / name).read_bytes() == video.read_bytes() for name in files)
    assert str(out / files[0]) in result.output + again.output


@pytest.mark.slow
def test_download_writes_what_the_bot_would_post(monkeypatch, tmp_path: Path) -> None:
    """A tagged H.264 mkv lands as an mp4 without its tags, as the bot would post it."""
    monkeypatch.setenv("BOSS_BOT_ALLOW_PRIVATE_URLS", "true")
    clip = tagged_video(tmp_path, "clip.mkv", "matroska")
    with MediaServer() as server:
        url = server.add_file("/clip.mkv", clip, content_type="video/x-matroska")
        result = runner.invoke(app, ["download", url, "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    (posted,) = (tmp_path / "out").iterdir()
    assert posted.suffix == ".mp4"
    assert "title" not in probe(posted)["format"].get("tags", {})


def test_download_explains_refusals() -> None:
    """A private address is refused with the same words the bot uses, exit 1."""
    result = runner.invoke(app, ["download", "http://127.0.0.1:9/x.mp4", "-o", "out"])
    assert result.exit_code == 1
    assert "private or internal address" in result.output


def test_queue_lists_saved_jobs(monkeypatch, tmp_path: Path) -> None:
    """``queue`` shows each saved job's id, status and url, or says the queue is empty."""
    from boss_bot.core.items import DownloadItem
    from boss_bot.core.storage.job_store import SqliteJobStore
    from boss_bot.core.urls import Platform

    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path))
    assert "No queue database yet" in runner.invoke(app, ["queue"]).output
    store = SqliteJobStore(tmp_path / "queue.sqlite3")
    item = DownloadItem(
        url="https://x.com/a/status/1",
        platform=Platform.TWITTER,
        user_id=5,
        channel_id=6,
        guild_id=7,
    )
    store.save(item)
    store.close()
    result = runner.invoke(app, ["queue"])
    assert result.exit_code == 0
    assert item.id in result.output
    assert "queued" in result.output
    assert "https://x.com/a/status/1" in result.output
