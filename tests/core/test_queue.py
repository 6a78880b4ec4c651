"""The in-process priority queue."""

import asyncio

import pytest

from boss_bot.core.items import DownloadPriority
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.errors import QueueFullError
from tests.core.queuekit import queue_item as _item


async def test_priority_then_fifo() -> None:
    """High runs before normal before low; equal priorities keep their order."""
    queue = JobQueue(10)
    low, n1, high, n2 = (
        _item(DownloadPriority.LOW),
        _item(),
        _item(DownloadPriority.HIGH),
        _item(),
    )
    for item in (low, n1, high, n2):
        queue.put(item)
    assert [i.id for i in queue.waiting()] == [high.id, n1.id, n2.id, low.id]
    assert queue.position(n2.id) == 3
    got = [await queue.get() for _ in range(4)]
    assert [i.id for i in got] == [high.id, n1.id, n2.id, low.id]
    assert len(queue.running()) == 4


async def test_capacity_counts_waiting_and_running() -> None:
    """The bound covers running jobs too, and frees up when they finish."""
    queue = JobQueue(2)
    first = _item()
    queue.put(first)
    queue.put(_item())
    running = await queue.get()
    assert running.id == first.id
    with pytest.raises(QueueFullError, match="1 running, 1 waiting, 2 at most"):
        queue.put(_item())
    queue.done(running.id)
    queue.put(_item())
    assert len(queue) == 2


async def test_removed_jobs_are_skipped_and_get_waits() -> None:
    """A removed waiting job never runs; ``get`` waits for the next put."""
    queue = JobQueue(5)
    gone, kept = _item(), _item()
    queue.put(gone)
    queue.put(kept)
    assert queue.remove(gone.id) is gone
    assert queue.remove(gone.id) is None
    assert (await queue.get()).id == kept.id
    waiter = asyncio.create_task(queue.get())
    await asyncio.sleep(0.01)
    assert not waiter.done()
    later = _item()
    queue.put(later)
    assert (await asyncio.wait_for(waiter, 1)).id == later.id
    assert queue.get_item(later.id) is later


async def test_forced_put_ignores_the_bound() -> None:
    """Recovered jobs are taken back even if they exceed the bound (nothing is lost)."""
    queue = JobQueue(1)
    queue.put(_item())
    queue.put(_item(), force=True)
    assert len(queue) == 2
