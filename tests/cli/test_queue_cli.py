"""``bossbotctl queue`` and ``doctor`` on hostile or damaged saved queues."""

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boss_bot.cli.app import app
from boss_bot.core.items import DownloadItem
from boss_bot.core.storage.job_store import SqliteJobStore
from boss_bot.core.urls import Platform

runner = CliRunner()


def _save(data_dir: Path, url: str) -> DownloadItem:
    store = SqliteJobStore(data_dir / "queue.sqlite3")
    item = DownloadItem(url=url, platform=Platform.GENERIC, user_id=5, channel_id=6)
    store.save(item)
    store.close()
    return item


def test_queue_shows_markup_in_a_url_as_text(monkeypatch, tmp_path: Path) -> None:
    """A queued URL holding ``[/b]`` and ``[red]`` is printed as typed, not parsed as markup."""
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path))
    url = "https://e.test/[red]x[/b]?q=[/]"
    item = _save(tmp_path, url)
    result = runner.invoke(app, ["queue"])
    assert result.exit_code == 0, result.output
    assert item.id in result.output
    assert url in result.output


def test_queue_reports_a_damaged_database_without_moving_it(monkeypatch, tmp_path: Path) -> None:
    """A garbage file: one clear line, exit 0, and the file is left for the bot to move."""
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path))
    (tmp_path / "queue.sqlite3").write_bytes(b"garbage" * 500)
    result = runner.invoke(app, ["queue"])
    assert result.exit_code == 0, result.output
    assert "is damaged: file is not a database" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["queue.sqlite3"]


def test_queue_leaves_out_a_bad_row_and_says_so(monkeypatch, tmp_path: Path) -> None:
    """One unreadable row: the good job is listed, the bad one counted."""
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path))
    item = _save(tmp_path, "https://e.test/good.png")
    with sqlite3.connect(tmp_path / "queue.sqlite3") as db:
        db.execute("INSERT INTO jobs (id, status, data) VALUES ('bad', 'queued', '{oops')")
    result = runner.invoke(app, ["queue"])
    assert result.exit_code == 0, result.output
    assert item.id in result.output
    assert "1 saved job(s) could not be read" in result.output


@pytest.mark.slow
def test_doctor_warns_about_a_damaged_queue(monkeypatch, tmp_path: Path) -> None:
    """A damaged database, then its moved-aside copy after a start, are both warnings."""
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path))
    (tmp_path / "queue.sqlite3").write_bytes(b"garbage" * 500)
    before = runner.invoke(app, ["doctor"]).output
    assert "[warn] queue db: " in before
    assert "the bot moves it aside at start-up" in before
    SqliteJobStore(tmp_path / "queue.sqlite3").close()  # what the bot does at start
    after = runner.invoke(app, ["doctor"]).output
    assert "[warn] queue db: 1 damaged queue database(s) moved aside" in after
    assert "queue.sqlite3.damaged-" in after
