"""The job runner and worker pool, with a fake downloader and a recording sink."""

import asyncio
import sqlite3

import pytest

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.jobs.workers import WorkerPool
from boss_bot.core.storage.job_store import SqliteJobStore
from boss_bot.core.storage.paths import Storage
from tests.core.jobkit import RecordingSink, make_item, make_runner
from tests.fakes import MP4, FakeDownloader


async def test_files_over_the_limit_are_left_out_and_named(tmp_path) -> None:
    """Files that fit are delivered; the rest are reported with their sizes."""
    files = {"small.jpg": b"\xff\xd8\xff" + b"x" * 7, "big.mp4": MP4 + b"y" * 5000}
    fake = FakeDownloader(files=files)
    sink = RecordingSink(limit=1000)
    final = await make_runner(tmp_path, fake, sink).run(make_item())
    assert final.status is DownloadStatus.COMPLETED
    assert sink.delivered == [["small.jpg"]]
    assert sink.progress_events == 2


async def test_nothing_fits_means_failed_without_upload(tmp_path) -> None:
    """If every file is over the limit, nothing is uploaded and the job fails."""
    sink = RecordingSink(limit=1)
    final = await make_runner(tmp_path, FakeDownloader(), sink).run(make_item())
    assert final.status is DownloadStatus.FAILED
    assert sink.delivered == []


async def test_a_broken_front_end_does_not_stop_the_job(tmp_path) -> None:
    """Status updates that fail are logged; the files are still delivered."""
    sink = RecordingSink(fail_updates=True)
    final = await make_runner(tmp_path, FakeDownloader(), sink).run(make_item())
    assert final.status is DownloadStatus.COMPLETED
    assert sink.delivered == [["clip.mp4"]]


async def test_unexpected_errors_become_a_reference(tmp_path) -> None:
    """A bug in a downloader ends the job as failed with a reference id, not a traceback."""

    class Broken(FakeDownloader):
        async def download(self, *args, **kwargs):
            raise ZeroDivisionError("boom")

    item = make_item()
    final = await make_runner(tmp_path, Broken(), RecordingSink()).run(item)
    assert final.status is DownloadStatus.FAILED
    assert f"ref `{item.id}`" in final.error
    assert "boom" not in final.error
    assert list((tmp_path / "temp").iterdir()) == []


async def test_a_full_disk_still_shows_the_end_of_the_job(tmp_path) -> None:
    """Saving fails from the upload on ("disk is full"): the job still ends ✅, shown."""

    class FullDisk(SqliteJobStore):
        def save(self, item: DownloadItem) -> None:
            if item.status not in (DownloadStatus.QUEUED, DownloadStatus.DOWNLOADING):
                raise sqlite3.OperationalError("database or disk is full")
            super().save(item)

    sink, store = RecordingSink(), FullDisk(tmp_path / "full.db")
    item = make_item()
    final = await make_runner(tmp_path, FakeDownloader(), sink, store).run(item)
    assert final.status is DownloadStatus.COMPLETED
    assert sink.statuses[-1] == (item.id, DownloadStatus.COMPLETED)
    assert sink.delivered == [["clip.mp4"]]
    saved = store.unfinished()  # what a restart sees: the last state saved, run again
    assert [(i.id, i.status) for i in saved] == [(item.id, DownloadStatus.DOWNLOADING)]


async def test_pool_respects_its_size_and_cancels_running_jobs(tmp_path) -> None:
    """Never more jobs run than workers; cancelling a running job frees its worker at once."""
    fake = FakeDownloader(gate=asyncio.Event())
    sink = RecordingSink()
    queue = JobQueue(10)
    pool = WorkerPool(queue, make_runner(tmp_path, fake, sink).run, size=2)
    items = [make_item() for _ in range(4)]
    for item in items:
        queue.put(item)
    pool.start()
    await asyncio.sleep(0.05)
    assert pool.busy == 2
    assert len(queue.waiting()) == 2
    assert pool.cancel(items[0].id)
    assert not pool.cancel("nope00")
    await asyncio.sleep(0.05)
    assert (items[0].id, DownloadStatus.CANCELLED) in sink.statuses
    assert pool.busy == 2  # the freed worker took the next job
    fake.gate.set()
    async with asyncio.timeout(5):
        while len(queue):
            await asyncio.sleep(0.01)
    assert len(sink.delivered) == 3
    await pool.close()


async def test_closing_the_pool_cancels_jobs_and_cleans_up(tmp_path) -> None:
    """Shutting down stops running jobs and removes their directories."""
    fake = FakeDownloader(gate=asyncio.Event())
    queue = JobQueue(10)
    pool = WorkerPool(queue, make_runner(tmp_path, fake, RecordingSink()).run, size=1)
    queue.put(make_item())
    pool.start()
    await asyncio.wait_for(fake.started.wait(), 2)
    await pool.close()
    assert list((tmp_path / "temp").iterdir()) == []
    with pytest.raises(ValueError, match="bad job id"):
        Storage(tmp_path).job_dir("../evil")
