"""A fixed pool of worker tasks that take jobs from the queue and run them."""

import asyncio
import contextlib
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from loguru import logger

from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.jobs.waits import estimate_wait

RunJob = Callable[[DownloadItem], Coroutine[Any, Any, object]]  # a task is made of it
SHUTDOWN = "boss-bot is shutting down"  # cancel message: the job is paused, not cancelled
PAUSE = "paused by a member"  # cancel message (⏸️): held in the queue, its partial file kept


class WorkerPool:
    """``size`` workers; each runs one job at a time in its own task, so it can be cancelled."""

    def __init__(self, queue: JobQueue, run_job: RunJob, size: int) -> None:
        self.queue, self.run_job, self.size = queue, run_job, size
        self._workers: list[asyncio.Task[None]] = []
        self._active: dict[str, asyncio.Task[object]] = {}
        self._pausing: dict[str, DownloadItem] = {}  # job id -> the paused job to put back

    def start(self) -> None:
        """Start the workers (idempotent)."""
        if not any(task.get_name().startswith("boss-bot-worker") for task in self._workers):
            self._workers += [
                asyncio.create_task(self._work(), name=f"boss-bot-worker-{n}")
                for n in range(self.size)
            ]

    @property
    def busy(self) -> int:
        """How many workers are running a job."""
        return len(self._active)

    @property
    def capacity(self) -> int:
        """How many jobs run at once."""
        return self.size

    def adopt(self, item: DownloadItem) -> None:
        """Run (watch) a job that was already running elsewhere when we started."""
        self.queue.adopt(item)
        self._workers.append(asyncio.create_task(self._run(item), name=f"adopted-{item.id}"))

    async def _next(self) -> DownloadItem:
        """The next job to run (``RemotePool`` first waits for a remote worker's room)."""
        return await self.queue.get()

    async def _work(self) -> None:
        while True:
            await self._run(await self._next())

    async def _run(self, item: DownloadItem) -> None:
        task = asyncio.create_task(self.run_job(item), name=f"boss-bot-job-{item.id}")
        self._active[item.id] = task
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            worker = asyncio.current_task()
            if worker is not None and worker.cancelling():  # the worker is being stopped
                task.cancel(SHUTDOWN)  # (its job may have ended at this very moment)
                with contextlib.suppress(BaseException):
                    await task
                raise
        except Exception:
            logger.bind(job_id=item.id).exception("worker caught an error from a job")
        finally:
            self._active.pop(item.id, None)
            self.queue.done(item.id)
            paused = self._pausing.pop(item.id, None)
            if paused is not None and task.cancelled():  # back in the queue, held
                self.queue.put(paused, force=True)

    def estimate_wait(self, position: int, durations: Sequence[float]) -> float:
        """Seconds until the waiting job at ``position`` starts, from recent job durations."""
        return estimate_wait(position, durations, self.capacity, self.busy)

    def cancel(self, job_id: str) -> bool:
        """Cancel a running job; returns False if it is not running."""
        task = self._active.get(job_id)
        if task is None or task.done():
            return False
        task.cancel()
        return True

    def pause(self, paused: DownloadItem) -> bool:
        """Stop a running job and put ``paused`` back in the queue; False if not running."""
        task = self._active.get(paused.id)
        if task is None or task.done():
            return False
        self._pausing[paused.id] = paused
        task.cancel(PAUSE)
        return True

    def unpause(self, resumed: DownloadItem) -> bool:
        """A job still stopping goes back as ``resumed`` instead; False if none is stopping."""
        if resumed.id not in self._pausing:
            return False
        self._pausing[resumed.id] = resumed
        return True

    async def close(self) -> None:
        """Stop every worker; running jobs are told it is a shutdown (they pause).

        Each worker pauses its own job (see ``_work``) and takes no other: stopping the
        jobs first would let a worker start a waiting job during the shutdown.
        """
        for worker in self._workers:
            worker.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers = []
