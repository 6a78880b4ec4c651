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
