"""Background tasks are kept, their failures logged, and all of them ended at close."""

import asyncio
import gc

from boss_bot.core.tasks import BackgroundTasks


async def test_a_task_nobody_holds_still_finishes() -> None:
    """A spawned task survives garbage collection until it ends."""
    tasks, done = BackgroundTasks(), asyncio.Event()

    async def work() -> None:
        await asyncio.sleep(0)
        done.set()

    tasks.spawn(work())
    gc.collect()
    async with asyncio.timeout(5):
        await done.wait()
    await asyncio.sleep(0)
    assert len(tasks) == 0


async def test_a_failure_is_logged_and_close_cancels_the_rest(logged: list[str]) -> None:
    """A failing task is logged with its name; ``close`` ends the tasks still running."""
    tasks, forever = BackgroundTasks(), asyncio.Event()

    async def fail() -> None:
        raise RuntimeError("boom")

    failing = tasks.spawn(fail(), name="janitor")
    waiting = tasks.spawn(forever.wait())
    await asyncio.gather(failing, return_exceptions=True)
    await asyncio.sleep(0)
    assert any("task janitor failed" in line for line in logged)
    await tasks.close()
    assert waiting.cancelled()
    assert len(tasks) == 0
