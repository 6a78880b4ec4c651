"""The history of finished jobs: repeats within retention, a week of them, kept on disk."""

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from boss_bot.core.history import History
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.storage.policy import MB
from boss_bot.core.urls import Platform
from tests.core.recordkit import Clock, finish, make_records


def _job(history: History, url: str, status=DownloadStatus.COMPLETED, guild=7, user=1) -> None:
    item = DownloadItem(url, Platform.GENERIC, user, 2, guild, status=status, files_message_id=99)
    history.add(item, DownloadResult((), (), 10 * MB, 1.0))


def test_a_delivered_link_is_found_by_any_share_until_retention_ends(tmp_path: Path) -> None:
    clock = Clock()
    records, _ = make_records(tmp_path)
    history = History(records.storage, 24, clock)
    _job(history, "https://youtu.be/dQw4w9WgXcQ")
    _job(history, "https://example.com/failed.mp4", DownloadStatus.FAILED)
    found = history.delivered(7, 1, "https://m.youtube.com/watch?v=dQw4w9WgXcQ&si=x")
    assert found is not None
    assert found.message_id == 99
    assert history.delivered(8, 1, "https://youtu.be/dQw4w9WgXcQ") is None  # another guild
    assert history.delivered(7, 1, "https://example.com/failed.mp4") is None  # not delivered
    clock.now += timedelta(hours=25)
    assert history.delivered(7, 1, "https://youtu.be/dQw4w9WgXcQ") is None
    history.prune()
    links = sqlite3.connect(records.storage.history_db).execute("SELECT link FROM finished")
    assert [row[0] for row in links] == [None, None]  # the links are gone, the counts stay


def test_in_direct_messages_each_member_has_their_own(tmp_path: Path) -> None:
    records, _ = make_records(tmp_path)
    history = History(records.storage, 24, Clock())
    _job(history, "https://example.com/a.mp4", guild=None, user=1)
    assert history.delivered(None, 1, "https://example.com/a.mp4") is not None
    assert history.delivered(None, 2, "https://example.com/a.mp4") is None


def test_a_week_is_kept_and_survives_a_restart(tmp_path: Path) -> None:
    clock = Clock()
    records, _ = make_records(tmp_path)
    history = History(records.storage, 24, clock)
    _job(history, "https://example.com/old.mp4")
    clock.now += timedelta(days=6)
    _job(history, "https://example.com/new.mp4", DownloadStatus.FAILED)
    history.close()
    again = History(records.storage, 24, clock)
    assert len(again.week(7, 1)) == 2
    clock.now += timedelta(days=1, hours=1)
    assert [d.status for d in again.week(7, 1)] == ["failed"]


def test_records_written_before_the_history_existed_are_taken_in(tmp_path: Path) -> None:
    """Migration to version 1 reads the metadata.json records already on disk."""
    records, clock = make_records(tmp_path)
    folder = finish(records, DownloadStatus.COMPLETED, 1000)
    meta = json.loads((folder / "metadata.json").read_text())
    meta["status_message_id"] = 55
    (folder / "metadata.json").write_text(json.dumps(meta))
    finish(records, DownloadStatus.FAILED, 10, guild=8)
    (records.storage.downloads / "7" / "junk").mkdir()
    history = History(records.storage, 24, clock)
    [row] = history.week(7, 1)
    assert (row.bytes, row.message_id, row.status) == (1000, 55, "completed")
    assert history.delivered(7, 1, "https://e.test/v.mp4?utm_source=a") is not None
    assert [d.status for d in history.week(8, 1)] == ["failed"]
    version = sqlite3.connect(records.storage.history_db).execute("PRAGMA user_version")
    assert version.fetchone()[0] == 1
