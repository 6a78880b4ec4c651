"""The in-process priority queue."""

import asyncio

import pytest

from boss_bot.core.items import DownloadItem, DownloadPriority
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.urls import Platform
from boss_bot.errors import QueueFullError

_users = iter(range(1000, 10**6))


def _item(priority: DownloadPriority = DownloadPriority.NORMAL, *, user: int | None = None,
          guild: int | None = 1) -> DownloadItem:  # fmt: skip
    return DownloadItem(url="https://e.test/a", platform=Platform.GENERIC,
                        user_id=user or next(_users), channel_id=2, guild_id=guild,
                        priority=priority)  # fmt: skip


async def test_priority_then_fifo() -> None:
    """High runs before normal before low; equal priorities keep their order."""
    queue = JobQueue(10)
    low, n1, high, n2 = (_item(DownloadPriority.LOW), _item(), _item(DownloadPriority.HIGH),
                         _item())  # fmt: skip
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


async def test_guilds_take_turns_within_a_priority() -> None:
    """A guild with many waiting jobs does not starve another guild's single job."""
    queue = JobQueue(50, per_user=50)
    busy = [_item(guild=1) for _ in range(5)]
    for item in busy:
        queue.put(item)
    lone = _item(guild=2)
    queue.put(lone)
    assert queue.position(lone.id) == 2
    order = [(await queue.get()).id for _ in range(6)]
    assert order[:2] == [busy[0].id, lone.id]
    assert order[2:] == [i.id for i in busy[1:]]


async def test_turns_continue_from_what_already_ran() -> None:
    """A guild that just had a job start goes behind a guild that has not."""
    queue = JobQueue(50, per_user=50)
    first = _item(guild=1)
    queue.put(first)
    assert (await queue.get()).id == first.id
    again, other = _item(guild=1), _item(guild=2)
    queue.put(again)
    queue.put(other)
    assert [i.id for i in queue.waiting()] == [other.id, again.id]


async def test_a_users_further_jobs_wait_for_their_running_ones() -> None:
    """With ``per_user=2``, a user's third job waits while another user's job starts."""
    queue = JobQueue(50, per_user=2)
    mine = [_item(user=7) for _ in range(3)]
    for item in mine:
        queue.put(item)
    theirs = _item(user=8)
    queue.put(theirs)
    started = [(await queue.get()).id for _ in range(3)]
    assert started == [mine[0].id, mine[1].id, theirs.id]
    blocked = asyncio.create_task(queue.get())
    await asyncio.sleep(0.01)
    assert not blocked.done()
    queue.done(mine[0].id)
    assert (await asyncio.wait_for(blocked, 1)).id == mine[2].id


async def test_forced_put_ignores_the_bound() -> None:
    """Recovered jobs are taken back even if they exceed the bound (nothing is lost)."""
    queue = JobQueue(1)
    queue.put(_item())
    queue.put(_item(), force=True)
    assert len(queue) == 2
