"""A running job's state, written into its saq metadata soon after each change.

Each write also renews the job's heartbeat, so a job that changes nothing is still
written every ``every`` seconds; a worker that stops writing (killed) has its jobs taken
over once the heartbeat lapses. Writes are coalesced, at most one per ``GAP`` seconds.
saq writes the whole job, so nothing is written once the gateway stopped it: a write
would undo the abort (the gateway sends it again until the job stops, ``Handing``).
"""

import asyncio
import contextlib
from typing import Any

from loguru import logger
from saq.job import Job

from boss_bot.distributed.queueing import queue_of

GAP = 0.2  # seconds between two writes at most once
FLUSH_SECONDS = 10.0  # how long a stopping job waits for its last state to be written


class JobMeta:
    """The latest state of one job, and the task that writes it."""

    def __init__(self, job: Job, every: float) -> None:
        self.job, self.every = job, every
        self.state: dict[str, Any] = dict(job.meta)
        self._changed, self._written = asyncio.Event(), asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def set(self, **values: Any) -> None:
        """Change some of the state; it is written shortly."""
        self.state.update(values)
        self._written.clear()
        self._changed.set()

    def start(self) -> None:
        """Start writing (idempotent)."""
        if self._task is None:
            self._task = asyncio.create_task(self._write(), name=f"meta-{self.job.key}")

    async def _write(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), self.every)
            self._changed.clear()
            try:
                if not await self._aborted():
                    await self.job.update(meta=dict(self.state))
                if not self._changed.is_set():
                    self._written.set()
            except Exception as exc:  # Redis away for a moment: the next write tries again
                logger.bind(job_id=self.job.key).warning("could not write job state: {}", exc)
            await asyncio.sleep(GAP)

    async def _aborted(self) -> bool:
        return await queue_of(self.job).stop_reason(self.job.key) is not None

    async def flush(self) -> None:
        """Wait until the latest state is written (at most ``FLUSH_SECONDS``)."""
        self._changed.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._written.wait(), FLUSH_SECONDS)

    async def close(self) -> None:
        """Write the latest state, then stop."""
        if self._task is not None:
            await self.flush()
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
