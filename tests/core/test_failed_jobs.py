"""Failed jobs kept for 🔄: across a restart, until their record expires, run again once."""

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from boss_bot.core.access import Requester
from boss_bot.core.admission import JobRequest
from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.janitor import forget_failed, sweep
from boss_bot.core.rerun import Reruns
from boss_bot.core.store import SqliteJobStore
from boss_bot.core.urls import Platform
from boss_bot.errors import QueueFullError
from tests.core.recordkit import finish, make_records

FAILED = DownloadStatus.FAILED


def _job(status: DownloadStatus = DownloadStatus.QUEUED, message: int | None = 5) -> DownloadItem:
    where = {"user_id": 1, "channel_id": 2, "guild_id": 3, "status_message_id": message}
    return DownloadItem(
        url="https://e.test/v.mp4", platform=Platform.GENERIC, status=status, **where
    )


def test_a_failed_job_is_kept_by_its_status_message_across_a_reopen(tmp_path: Path) -> None:
    """Failed with a status message: kept after a restart; other endings are not kept."""
    store = SqliteJobStore(tmp_path / "q.db")
    job = _job()
    store.save(job)
    store.save(job.evolve(status=FAILED, error="not found"))
    for other in (DownloadStatus.COMPLETED, DownloadStatus.CANCELLED):
        store.save(_job(other, message=6))
    store.save(_job(FAILED, message=None))
    store.close()
    reopened = SqliteJobStore(tmp_path / "q.db")
    assert reopened.unfinished() == []
    assert reopened.failed.get(5) == job.evolve(status=FAILED, error="not found")
    assert reopened.failed.get(6) is None


def test_a_kept_failure_expires_with_the_failed_record(tmp_path: Path) -> None:
    """The janitor forgets a failure at the age it removes the failed job's record (6 h)."""
    records, clock = make_records(tmp_path)
    store = SqliteJobStore(tmp_path / "q.db")
    finish(records, FAILED, 10)
    store.failed.keep(_job(FAILED), at=clock.now)
    clock.now += timedelta(hours=6)
    assert (sweep(records, set()), forget_failed(records, store.failed)) == (0, 0)
    assert store.failed.get(5) is not None
    clock.now += timedelta(minutes=1)
    assert (sweep(records, set()), forget_failed(records, store.failed)) == (1, 1)
    assert store.failed.get(5) is None


class Submits:
    """A ``submit`` that acknowledges (slowly, while ``gate`` is shut) or refuses."""

    def __init__(self, refuse: bool = False) -> None:
        self.requests: list[JobRequest] = []
        self.gate, self.refuse = asyncio.Event(), refuse

    async def __call__(self, request: JobRequest, acknowledge) -> DownloadItem:
        self.requests.append(request)
        if self.refuse:
            raise QueueFullError("The queue is full.")
        item = _job()
        await acknowledge(item, 0, 0.0)
        return item


async def _ack(item: DownloadItem, position: int, wait: float) -> int:
    return 5


@pytest.fixture
def store(tmp_path: Path) -> SqliteJobStore:
    """A store with job 5 failed, by user 1 in guild 3."""
    store = SqliteJobStore(tmp_path / "q.db")
    store.save(_job(FAILED))
    return store


async def test_one_failure_runs_again_once_however_many_retries(store) -> None:
    """Two 🔄 while the first is being acknowledged: one new job; the failure is used up."""
    submits = Submits()
    reruns = Reruns(store.failed, submits)

    acknowledging = asyncio.Event()

    async def slow_ack(item: DownloadItem, position: int, wait: float) -> int:
        acknowledging.set()
        await submits.gate.wait()
        return 5

    first = asyncio.create_task(reruns.retry(5, Requester(1, 3), slow_ack))
    await asyncio.wait_for(acknowledging.wait(), 5)
    assert await reruns.retry(5, Requester(1, 3), _ack) is None
    submits.gate.set()
    assert (await first) is not None
    assert await reruns.retry(5, Requester(1, 3), _ack) is None
    assert len(submits.requests) == 1
    assert submits.requests[0].url.url == "https://e.test/v.mp4"
    assert store.failed.get(5) is None


async def test_only_the_requester_or_a_moderator_of_its_server_may_retry(store) -> None:
    """A stranger's 🔄 does nothing and leaves the failure; a moderator's runs it."""
    submits = Submits()
    reruns = Reruns(store.failed, submits)
    assert await reruns.retry(5, Requester(2, 3), _ack) is None
    assert await reruns.retry(5, Requester(2, 4, moderator=True), _ack) is None
    assert store.failed.get(5) is not None
    assert await reruns.retry(5, Requester(2, 3, moderator=True), _ack) is not None


async def test_a_refused_retry_keeps_the_failure(store) -> None:
    """The queue is full: the refusal reaches the caller and 🔄 stays usable."""
    reruns = Reruns(store.failed, Submits(refuse=True))
    with pytest.raises(QueueFullError):
        await reruns.retry(5, Requester(1, 3), _ack)
    assert reruns.get(5) is not None
