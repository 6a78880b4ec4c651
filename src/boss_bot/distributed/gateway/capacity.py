"""The workers' room, read from saq's worker info, shared by every gateway feeding them.

Each worker writes its concurrency into its saq metadata every few seconds and
disappears from the info once it stops. Room = their total concurrency minus the jobs
saq holds unfinished (from every gateway), minus the jobs this gateway is handing out.
"""

import asyncio

from loguru import logger
from saq.queue import Queue


class WorkerSlots:
    """Implements ``core.jobs.remote.Slots`` for saq workers."""

    def __init__(self, queue: Queue, poll: float) -> None:
        self.queue, self.poll = queue, poll
        self.workers: dict[str, int] = {}  # worker id -> concurrency
        self.held = 0  # jobs saq holds unfinished (queued, running, waiting to retry)
        self._promised, self._claimed = 0, set[str]()
        self._changed = asyncio.Event()

    @property
    def size(self) -> int:
        """How many jobs the connected workers run at once."""
        return sum(self.workers.values())

    @property
    def connected(self) -> int:
        """How many workers are connected."""
        return len(self.workers)

    def _room(self) -> bool:
        return self.held + self._promised + len(self._claimed) < self.size

    async def acquire(self) -> None:
        """Wait until a worker has room, and promise it to the next job."""
        while not self._room():
            self._changed.clear()
            await self._changed.wait()
        self._promised += 1

    def claim(self, job_id: str) -> None:
        """The promised room goes to ``job_id``."""
        self._promised = max(self._promised - 1, 0)
        self._claimed.add(job_id)

    def handed(self, job_id: str) -> None:
        """``job_id`` is in saq now (it counts there until the next refresh counts it)."""
        if job_id in self._claimed:
            self._claimed.discard(job_id)
            self.held += 1

    def free(self, job_id: str) -> None:
        """``job_id`` ended here; room it never used goes back."""
        self._claimed.discard(job_id)
        self._changed.set()

    async def refresh(self) -> None:
        """Read the workers and the unfinished jobs from Redis."""
        info = await self.queue.info()
        workers: dict[str, int] = {}
        for worker_id, worker in info.get("workers", {}).items():
            concurrency = (worker.get("metadata") or {}).get("concurrency")
            if isinstance(concurrency, int) and concurrency > 0:
                workers[worker_id] = concurrency
        self.workers, self.held = workers, await self.queue.count("incomplete")
        self._changed.set()

    async def follow(self) -> None:
        """Refresh every ``poll`` seconds until cancelled; Redis away is logged, not fatal."""
        warned = False
        while True:
            try:
                await self.refresh()
                warned = False
            except Exception as exc:
                if not warned:
                    logger.warning("cannot read the workers from the broker: {}", exc)
                warned = True
            await asyncio.sleep(self.poll)
