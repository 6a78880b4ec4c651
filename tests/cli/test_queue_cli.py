"""``bossbotctl queue`` and ``doctor`` on hostile or damaged saved queues."""

from pathlib import Path

from typer.testing import CliRunner

from boss_bot.cli.app import app
from boss_bot.core.items import DownloadItem
from boss_bot.core.store import SqliteJobStore
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
