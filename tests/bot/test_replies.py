"""``unbroken``: a Discord call outlives a cancelled caller, and its failure is logged."""

import asyncio

import pytest

from boss_bot.bot.replies import unbroken
from boss_bot.core.tasks import BackgroundTasks


async def test_the_call_finishes_after_its_caller_is_cancelled() -> None:
    gate, finished = asyncio.Event(), asyncio.Event()

    async def edit() -> int:
        await gate.wait()
        finished.set()
        return 1

    caller = asyncio.create_task(unbroken(edit(), BackgroundTasks()))
    await asyncio.sleep(0)
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    assert not finished.is_set()
    gate.set()
    await asyncio.wait_for(finished.wait(), 5)


async def test_a_failure_after_the_caller_left_is_logged(logged: list[str]) -> None:
    gate = asyncio.Event()

    async def edit() -> None:
        await gate.wait()
        raise RuntimeError("503 from Discord")

    caller = asyncio.create_task(unbroken(edit(), BackgroundTasks()))
    await asyncio.sleep(0)
    caller.cancel()
    gate.set()
    with pytest.raises(asyncio.CancelledError):
        await caller
    for _ in range(5):
        await asyncio.sleep(0)
    assert any("task discord-request failed" in line for line in logged)
    assert await unbroken(asyncio.sleep(0, result=7), BackgroundTasks()) == 7
