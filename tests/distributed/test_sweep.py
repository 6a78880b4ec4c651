"""saq's sweep against a real Redis: a job caught as it starts is spared (saq#277)."""

import asyncio

import pytest
from redis.asyncio import Redis
from saq.job import Status
from saq.queue.redis import RedisQueue
from saq.utils import now

from boss_bot.distributed.broker import SWEPT
from boss_bot.distributed.queueing import BossQueue
from tests.support.redis_server import RedisServer


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    return redis_server.url


async def _taken_then_swept(queue: RedisQueue, mark_active: bool) -> None:
    """A worker takes a job; a sweep runs before (or without) it being marked active."""
    await queue.connect()
    await queue.enqueue("download", key="j1", heartbeat=30, retries=3, timeout=600)
    taken = await queue.dequeue(timeout=1)  # now in the active list, still "queued"
    assert taken is not None
    assert taken.status is Status.QUEUED

    async def worker_marks_it_active() -> None:
        await asyncio.sleep(0.3)  # a busy worker's event loop
        taken.started, taken.attempts = now(), taken.attempts + 1  # as saq's worker does
        await taken.update(status=Status.ACTIVE)

    marking = asyncio.create_task(worker_marks_it_active()) if mark_active else None
    await queue.sweep(lock=1, abort=0.5)
    if marking is not None:
        await marking


async def test_a_job_marked_active_just_after_the_sweep_looked_keeps_running(redis_url):
    queue = BossQueue(Redis.from_url(redis_url), name="t", swept_error_message=SWEPT)
    await _taken_then_swept(queue, mark_active=True)
    stored = await queue.job("j1")
    assert stored is not None
    assert (stored.status, stored.error, stored.attempts) == (Status.ACTIVE, None, 1)
    assert await queue.count("active") == 1
    assert await queue.count("queued") == 0  # not handed out a second time
    await queue.disconnect()


async def test_plain_saq_runs_it_again(redis_url):
    """What the subclass prevents: the same race in saq's own queue retries the job."""
    queue = RedisQueue(Redis.from_url(redis_url), name="t", swept_error_message=SWEPT)
    await _taken_then_swept(queue, mark_active=True)
    stored = await queue.job("j1")
    assert stored is not None
    assert stored.error == SWEPT
    await queue.disconnect()


async def test_a_job_whose_worker_died_as_it_took_it_is_swept(redis_url):
    queue = BossQueue(Redis.from_url(redis_url), name="t", swept_error_message=SWEPT)
    await _taken_then_swept(queue, mark_active=False)
    stored = await queue.job("j1")
    assert stored is not None
    assert (stored.status, stored.error) == (Status.QUEUED, SWEPT)  # retried
    assert await queue.count("queued") == 1
    await queue.disconnect()
