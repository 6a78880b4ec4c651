"""Fair turns in the priority queue: guilds take turns, users wait for their running jobs."""

import asyncio

from boss_bot.core.jobs.queue import JobQueue
from tests.core.queuekit import queue_item as _item


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
