"""Background tasks: kept alive by a strong reference, failures logged, all ended at close.

asyncio keeps only weak references to tasks, so a task nobody holds can vanish
mid-way. Every long-lived or fire-and-forget task of the bot is spawned here.
"""

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from loguru import logger

T = TypeVar("T")


class BackgroundTasks:
    """A set of running tasks owned by one component."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def __len__(self) -> int:
        return len(self._tasks)

    def spawn(
        self, work: Coroutine[Any, Any, T], *, name: str | None = None, quiet: bool = False
    ) -> "asyncio.Task[T]":
        """Run ``work`` in a task kept until it ends; its failure is logged (DEBUG if ``quiet``).

        ``quiet`` suits work someone awaits (they see the error; the log is for the case
        where they were cancelled first).
        """
        task = asyncio.ensure_future(work)
        if name:
            task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(lambda done: self._finished(done, quiet))
        return task

    def _finished(self, task: "asyncio.Task[Any]", quiet: bool) -> None:
        self._tasks.discard(task)
        if task.cancelled() or task.exception() is None:
            return
        level = "DEBUG" if quiet else "ERROR"
        logger.opt(exception=task.exception()).log(level, "task {} failed", task.get_name())

    async def close(self) -> None:
        """Cancel every task and wait for them to end."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
