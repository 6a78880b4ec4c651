"""``bossbotctl doctor``: the downloaders' versions, release dates and age warnings."""

from datetime import date
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boss_bot.cli import _doctor, _doctor_versions
from boss_bot.cli.app import app
from boss_bot.core import versions
from boss_bot.downloaders.fork_server.forker import Forker

runner = CliRunner()


class _Year2100(date):
    @classmethod
    def today(cls) -> "_Year2100":
        return cls(2100, 1, 1)


@pytest.fixture
def quick_doctor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No download server (its check fails at once): these tests are about versions."""
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(_doctor, "Forker", lambda: Forker([str(tmp_path / "no-python")]))


@pytest.mark.usefixtures("quick_doctor")
def test_doctor_dates_the_downloaders(monkeypatch: pytest.MonkeyPatch) -> None:
    """Young enough: each library is ``ok`` with its version and release date."""
    monkeypatch.setenv("BOSS_BOT_DOWNLOADER_MAX_AGE_DAYS", "1000000")
    output = runner.invoke(app, ["doctor"]).output
    assert f"[ok  ] yt-dlp: {version('yt-dlp')} (released " in output
    assert f"[ok  ] gallery-dl: {version('gallery-dl')} (released " in output
    assert "days old" not in output


@pytest.mark.usefixtures("quick_doctor")
def test_doctor_warns_about_old_downloaders(monkeypatch: pytest.MonkeyPatch) -> None:
    """Older than ``DOWNLOADER_MAX_AGE_DAYS``: a warning that says what to run."""
    monkeypatch.setenv("BOSS_BOT_DOWNLOADER_MAX_AGE_DAYS", "60")
    monkeypatch.setattr(_doctor_versions, "date", _Year2100)
    output = runner.invoke(app, ["doctor"]).output
    for name in ("yt-dlp", "gallery-dl"):
        assert f"[warn] {name}: {version(name)} is " in output
    assert "days old: sites change often; run `bossbotctl upgrade` and `$restart`" in output


@pytest.mark.usefixtures("quick_doctor")
def test_without_the_project_lock_gallery_dl_has_no_date(monkeypatch) -> None:
    """No project lock: gallery-dl's date is unknown (no warning); yt-dlp's still known."""
    monkeypatch.setattr(versions, "find_project", lambda: None)
    monkeypatch.setattr(_doctor_versions, "date", _Year2100)
    output = runner.invoke(app, ["doctor"]).output
    assert f"[ok  ] gallery-dl: {version('gallery-dl')} (release date unknown)" in output
    assert f"[warn] yt-dlp: {version('yt-dlp')} is " in output
