"""``bossbotctl doctor``: the checks it reports and the failures it names."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from boss_bot.cli import _doctor
from boss_bot.cli.app import app
from boss_bot.downloaders.fork_server.forker import Forker

runner = CliRunner()


@pytest.mark.slow
def test_doctor_reports_tools_and_versions(monkeypatch, tmp_path: Path) -> None:
    """``doctor`` checks the data dir, ffmpeg and the libraries."""
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path / "data"))
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    for name in ("data dir", "ffmpeg", "ffprobe", "gallery-dl", "yt-dlp", "discord.py"):
        assert f"] {name}: " in result.output
    assert "[warn] token" in result.output
    assert "[ok  ] downloads: download process server ready in " in result.output
    assert "[ok  ] youtube js: deno " in result.output  # the real deno, from the deno package


@pytest.mark.slow
def test_doctor_fails_on_an_unwritable_data_dir(monkeypatch, tmp_path: Path) -> None:
    """A data dir that cannot be created is a failure (exit 1)."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(blocker / "data"))
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 1
    assert "[FAIL] data dir" in result.output


def test_doctor_fails_when_the_download_server_cannot_start(monkeypatch, tmp_path: Path) -> None:
    """No download process server, no downloads: a failure, with the reason."""
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path / "data"))
    missing = [str(tmp_path / "missing-python")]
    monkeypatch.setattr(_doctor, "Forker", lambda: Forker(missing))
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 1
    assert "[FAIL] downloads: the download process server did not start (FileNotFound" in (
        result.output
    )
