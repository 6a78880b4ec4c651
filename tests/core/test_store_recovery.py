"""Persistence round trip and recovery after a crash, without Discord."""

from pathlib import Path

from boss_bot.core.items import DownloadItem, DownloadPriority, DownloadStatus
from boss_bot.core.jobs.fetching import Fetcher
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.jobs.recovery import resume
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.ports import JobLimits
from boss_bot.core.storage.job_store import SqliteJobStore, from_json, to_json
from boss_bot.core.storage.paths import Storage
from boss_bot.core.urls import Platform
from tests.core.jobkit import RecordingSink
from tests.fakes import FakeDownloader


def _item(**changes) -> DownloadItem:
    base = DownloadItem(
        url="https://redd.it/x",
        platform=Platform.REDDIT,
        user_id=1,
        channel_id=2,
        guild_id=3,
        priority=DownloadPriority.HIGH,
    )
    return base.evolve(**changes)


def test_round_trip_keeps_every_field() -> None:
    """A job read back equals the job written, dates and enums included."""
    item = _item(status=DownloadStatus.UPLOADING, attempts=2, delivered=1, message_id=9)
    assert from_json(to_json(item)) == item


def test_store_keeps_order_and_forgets_finished_jobs(tmp_path: Path) -> None:
    """Unfinished jobs come back oldest first; finished ones are deleted."""
    store = SqliteJobStore(tmp_path / "q.db")
    first, second = _item(), _item()
    store.save(first)
    store.save(second)
    store.save(first.evolve(status=DownloadStatus.DOWNLOADING))
    assert [i.id for i in store.unfinished()] == [first.id, second.id]
    store.save(second.evolve(status=DownloadStatus.COMPLETED))
    store.close()
    reopened = SqliteJobStore(tmp_path / "q.db")
    assert [(i.id, i.status) for i in reopened.unfinished()] == [
        (first.id, DownloadStatus.DOWNLOADING)
    ]


async def test_crash_recovery_requeues_and_gives_up_after_max_attempts(tmp_path: Path) -> None:
    """Jobs left running are retried; those out of attempts fail with a message."""
    store = SqliteJobStore(tmp_path / "q.db")
    waiting = _item()
    interrupted = _item(status=DownloadStatus.DOWNLOADING, attempts=1)
    exhausted = _item(status=DownloadStatus.UPLOADING, attempts=3)
    for item in (waiting, interrupted, exhausted):
        store.save(item)
    sink = RecordingSink()
    runner = JobRunner(Storage(tmp_path), store, sink, Fetcher(FakeDownloader().route, JobLimits()))
    queue = JobQueue(10)
    assert await resume(store.unfinished(), queue, runner, max_attempts=3) == 2
    assert [i.id for i in queue.waiting()] == [waiting.id, interrupted.id]
    assert all(i.status is DownloadStatus.QUEUED for i in queue.waiting())
    assert (exhausted.id, DownloadStatus.FAILED) in sink.statuses
    assert exhausted.id not in {i.id for i in store.unfinished()}


async def test_a_paused_job_comes_back_paused_with_its_partial_file(tmp_path: Path) -> None:
    """After a restart a paused job is held again (not run) and its directory is kept."""
    store, storage = SqliteJobStore(tmp_path / "q.db"), Storage(tmp_path)
    paused = _item(status=DownloadStatus.PAUSED, paused_at=_item().created_at)
    store.save(paused)
    (storage.job_dir(paused.id) / "clip.mp4.part").write_bytes(b"half")
    (storage.job_dir("other1") / "debris").write_bytes(b"x")
    store.close()
    store = SqliteJobStore(tmp_path / "q.db")
    saved = store.unfinished()
    assert saved == [paused]
    storage.prepare(keep={paused.id})
    assert [p.name for p in storage.temp.iterdir()] == [paused.id]
    runner = JobRunner(
        storage, store, RecordingSink(), Fetcher(FakeDownloader().route, JobLimits())
    )
    queue = JobQueue(10)
    await resume(saved, queue, runner, max_attempts=3)
    assert [i.status for i in queue.waiting()] == [DownloadStatus.PAUSED]


def test_a_row_written_before_pausing_existed_is_read() -> None:
    """A saved job without ``paused_at`` (older versions) reads back unpaused."""
    text = to_json(_item()).replace(', "paused_at": null', "")
    assert "paused_at" not in text
    assert from_json(text).paused_at is None
