"""The workers' room as the gateway counts it: their concurrency minus what saq holds."""

import asyncio
from typing import Any, cast

from saq.queue import Queue

from boss_bot.distributed.gateway.capacity import WorkerSlots


class FakeQueue:
    """What ``WorkerSlots`` reads of saq: worker info and the unfinished count."""

    def __init__(self) -> None:
        self.workers: dict[str, Any] = {}
        self.incomplete = 0

    async def info(self) -> dict[str, Any]:
        return {"workers": self.workers}

    async def count(self, kind: str) -> int:
        assert kind == "incomplete"
        return self.incomplete


async def test_room_follows_the_workers_and_the_jobs_saq_holds() -> None:
    queue = FakeQueue()
    slots = WorkerSlots(cast(Queue, queue), poll=0.01)
    queue.workers = {
        "a": {"metadata": {"concurrency": 2}},
        "b": {"metadata": {"concurrency": 1}},
        "old": {"metadata": None},  # another program's worker on the same Redis
        "bad": {"metadata": {"concurrency": "many"}},
    }
    queue.incomplete = 1
    await slots.refresh()
    assert (slots.connected, slots.size) == (2, 3)

    await asyncio.wait_for(slots.acquire(), 1)  # 1 held + 1 promised < 3
    slots.claim("j1")
    await asyncio.wait_for(slots.acquire(), 1)  # 1 + 1 claimed + 1 promised = 3
    waiting = asyncio.create_task(slots.acquire())
    await asyncio.sleep(0.05)
    assert not waiting.done()  # no room: a fourth job stays in the bot's own queue

    slots.handed("j1")  # j1 now counts in saq
    slots.free("j1")  # and ended
    queue.incomplete = 0
    follow = asyncio.create_task(slots.follow())
    await asyncio.wait_for(waiting, 1)  # room again once saq holds fewer
    follow.cancel()


async def test_no_worker_means_no_room_and_redis_away_is_survived() -> None:
    queue = FakeQueue()
    slots = WorkerSlots(cast(Queue, queue), poll=0.01)
    await slots.refresh()
    assert (slots.connected, slots.size) == (0, 0)
    waiting = asyncio.create_task(slots.acquire())

    async def away() -> dict[str, Any]:
        raise ConnectionError("Redis restarting")

    queue.info = away  # type: ignore[method-assign]
    follow = asyncio.create_task(slots.follow())
    await asyncio.sleep(0.05)
    assert not waiting.done()
    assert not follow.done()  # follows on, says so once
    del queue.info
    queue.workers = {"a": {"metadata": {"concurrency": 1}}}
    await asyncio.wait_for(waiting, 1)
    follow.cancel()
