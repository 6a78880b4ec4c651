"""What a cancelled job records: cancelled, paused for a shutdown, or nothing if done."""

import asyncio

import pytest

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.interruption import record_interruption
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.jobs.workers import SHUTDOWN, WorkerPool
from boss_bot.core.urls import Platform
from tests.core.queuekit import queue_item


def _item(status: DownloadStatus, attempts: int = 1) -> DownloadItem:
    return DownloadItem(
        url="https://e.test/v.mp4",
        platform=Platform.GENERIC,
        user_id=1,
        channel_id=2,
        status=status,
        attempts=attempts,
    )


async def _told(item: DownloadItem, exc: asyncio.CancelledError) -> list[DownloadItem]:
    told: list[DownloadItem] = []

    async def tell(new: DownloadItem) -> None:
        told.append(new)

    await record_interruption(item, exc, tell)
    return told


async def test_a_cancel_ends_the_job_as_cancelled() -> None:
    (told,) = await _told(_item(DownloadStatus.DOWNLOADING), asyncio.CancelledError())
    assert told.status is DownloadStatus.CANCELLED
    assert told.error == "The download was cancelled."


@pytest.mark.parametrize(
    ("status", "attempts_after"), [(DownloadStatus.DOWNLOADING, 1), (DownloadStatus.UPLOADING, 2)]
)
async def test_a_shutdown_pauses_the_job(status: DownloadStatus, attempts_after: int) -> None:
    """Back to queued; a download's start is given back, an upload's is not (check the channel)."""
    (told,) = await _told(_item(status, attempts=2), asyncio.CancelledError(SHUTDOWN))
    assert told.status is DownloadStatus.QUEUED
    assert told.attempts == attempts_after


@pytest.mark.parametrize("status", [DownloadStatus.COMPLETED, DownloadStatus.FAILED])
async def test_a_finished_job_is_never_paused_or_cancelled(status: DownloadStatus) -> None:
    """Interrupted while its final message was shown: the job stays finished."""
    assert await _told(_item(status), asyncio.CancelledError(SHUTDOWN)) == []
    assert await _told(_item(status), asyncio.CancelledError()) == []


async def test_a_shutdown_starts_no_waiting_job() -> None:
    """Closing the pool pauses the running job and no worker takes the next one meanwhile."""
    queue, started, hold = JobQueue(max_size=10), [], asyncio.Event()
    paused: list[tuple[str, object]] = []

    async def run_job(item: DownloadItem) -> None:
        started.append(item.id)
        try:
            await hold.wait()
        except asyncio.CancelledError as exc:
            paused.append((item.id, exc.args))
            await asyncio.sleep(0)  # the worker would be free to take the next job here
            raise

    first, second = queue_item(), queue_item()
    queue.put(first)
    queue.put(second)
    pool = WorkerPool(queue, run_job, size=1)
    pool.start()
    async with asyncio.timeout(5):
        while not started:
            await asyncio.sleep(0)
    await pool.close()
    assert started == [first.id]
    assert paused == [(first.id, (SHUTDOWN,))]
    assert [item.id for item in queue.waiting()] == [second.id]
