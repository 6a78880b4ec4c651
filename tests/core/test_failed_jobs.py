"""Failed jobs kept for 🔄: across a restart, and until their record expires."""

from datetime import timedelta
from pathlib import Path

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.storage.janitor import forget_failed, sweep
from boss_bot.core.storage.job_store import SqliteJobStore
from boss_bot.core.urls import Platform
from tests.core.recordkit import finish, make_records

FAILED = DownloadStatus.FAILED


def job(status: DownloadStatus = DownloadStatus.QUEUED, message: int | None = 5) -> DownloadItem:
    """A job of user 1 in guild 3 whose status message is ``message``."""
    where = {"user_id": 1, "channel_id": 2, "guild_id": 3, "status_message_id": message}
    return DownloadItem(
        url="https://e.test/v.mp4", platform=Platform.GENERIC, status=status, **where
    )


def test_a_failed_job_is_kept_by_its_status_message_across_a_reopen(tmp_path: Path) -> None:
    """Failed with a status message: kept after a restart; other endings are not kept."""
    store = SqliteJobStore(tmp_path / "q.db")
    queued = job()
    store.save(queued)
    store.save(queued.evolve(status=FAILED, error="not found"))
    for other in (DownloadStatus.COMPLETED, DownloadStatus.CANCELLED):
        store.save(job(other, message=6))
    store.save(job(FAILED, message=None))
    store.close()
    reopened = SqliteJobStore(tmp_path / "q.db")
    assert reopened.unfinished() == []
    assert reopened.failed.get(5) == queued.evolve(status=FAILED, error="not found")
    assert reopened.failed.get(6) is None


def test_a_kept_failure_expires_with_the_failed_record(tmp_path: Path) -> None:
    """The janitor forgets a failure at the age it removes the failed job's record (6 h)."""
    records, clock = make_records(tmp_path)
    store = SqliteJobStore(tmp_path / "q.db")
    finish(records, FAILED, 10)
    store.failed.keep(job(FAILED), at=clock.now)
    clock.now += timedelta(hours=6)
    assert (sweep(records, set()), forget_failed(records, store.failed)) == (0, 0)
    assert store.failed.get(5) is not None
    clock.now += timedelta(minutes=1)
    assert (sweep(records, set()), forget_failed(records, store.failed)) == (1, 1)
    assert store.failed.get(5) is None


def test_a_failure_kept_before_several_links_is_still_found(tmp_path: Path) -> None:
    """A store written with one failed job per message (the old table) keeps it for 🔄."""
    import sqlite3

    from boss_bot.core.storage.job_store import to_json

    failed = job(FAILED)
    db = sqlite3.connect(tmp_path / "q.db")
    db.execute("CREATE TABLE failed (status_message_id INTEGER PRIMARY KEY, failed_at REAL, data)")
    db.execute("INSERT INTO failed VALUES (5, 1.0, ?)", (to_json(failed),))
    db.commit()
    db.close()
    assert SqliteJobStore(tmp_path / "q.db").failed.get(5) == failed


def test_a_shared_message_keeps_each_failed_job(tmp_path: Path) -> None:
    """Two jobs of one shared message both fail: both are kept; a lone message keeps the newest."""
    store = SqliteJobStore(tmp_path / "q.db")
    first, second = (job(FAILED).evolve(shared_status=True) for _ in range(2))
    store.save(first)
    store.save(second)
    assert store.failed.all_of(5) == [first, second]
    lone = job(FAILED, message=6)
    store.save(lone)
    store.save(lone.evolve(id="abcdef"))
    assert [i.id for i in store.failed.all_of(6)] == ["abcdef"]
