"""🔄 runs a failed job again: once per failure, for its requester or a moderator."""

import asyncio
from pathlib import Path

import pytest

from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs.access import Requester
from boss_bot.core.jobs.admission import JobRequest
from boss_bot.core.jobs.rerun import Reruns
from boss_bot.core.storage.job_store import SqliteJobStore
from boss_bot.errors import QueueFullError
from tests.core.test_failed_jobs import FAILED, job


class Submits:
    """A ``submit`` that acknowledges (slowly, while ``gate`` is shut) or refuses."""

    def __init__(self, refuse: bool = False) -> None:
        self.requests: list[JobRequest] = []
        self.gate, self.refuse = asyncio.Event(), refuse

    async def __call__(self, request: JobRequest, acknowledge) -> DownloadItem:
        self.requests.append(request)
        if self.refuse:
            raise QueueFullError("The queue is full.")
        item = job()
        await acknowledge(item, 0, 0.0)
        return item


async def _ack(item: DownloadItem, position: int, wait: float) -> int:
    return 5


@pytest.fixture
def store(tmp_path: Path) -> SqliteJobStore:
    """A store with job 5 failed, by user 1 in guild 3."""
    store = SqliteJobStore(tmp_path / "q.db")
    store.save(job(FAILED))
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
