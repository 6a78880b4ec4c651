"""An in-process priority queue of jobs: high before normal before low, FIFO within."""

import asyncio
import heapq
import itertools

from boss_bot.core.items import DownloadItem
from boss_bot.errors import QueueFullError


class JobQueue:
    """Waiting and running jobs, bounded by ``max_size`` in total.

    Cancelled waiting jobs are removed lazily from the heap.
    """

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size
        self._heap: list[tuple[int, int, str]] = []
        self._seq = itertools.count()
        self._waiting: dict[str, DownloadItem] = {}
        self._running: dict[str, DownloadItem] = {}
        self._wakeup = asyncio.Event()

    def __len__(self) -> int:
        return len(self._waiting) + len(self._running)

    def check_capacity(self) -> None:
        """Raise ``QueueFullError`` when no further job can be accepted."""
        if len(self) >= self.max_size:
            raise QueueFullError(
                f"The queue is full ({len(self._running)} running, {len(self._waiting)} "
                f"waiting, {self.max_size} at most). Please try again in a few minutes."
            )

    def put(self, item: DownloadItem) -> int:
        """Add a job and return its 1-based position among the waiting jobs."""
        self.check_capacity()
        self._waiting[item.id] = item
        heapq.heappush(self._heap, (-int(item.priority), next(self._seq), item.id))
        self._wakeup.set()
        return self.position(item.id) or 0

    async def get(self) -> DownloadItem:
        """Wait for the next job, and mark it running."""
        while True:
            while self._heap:
                _, _, job_id = heapq.heappop(self._heap)
                item = self._waiting.pop(job_id, None)
                if item is not None:
                    self._running[job_id] = item
                    return item
            self._wakeup.clear()
            await self._wakeup.wait()

    def done(self, job_id: str) -> None:
        """Forget a job that stopped running."""
        self._running.pop(job_id, None)

    def update(self, item: DownloadItem) -> None:
        """Replace the stored copy of a job (its status changed)."""
        for table in (self._waiting, self._running):
            if item.id in table:
                table[item.id] = item

    def remove(self, job_id: str) -> DownloadItem | None:
        """Take a waiting job out of the queue; None if it is not waiting."""
        return self._waiting.pop(job_id, None)

    def get_item(self, job_id: str) -> DownloadItem | None:
        """Return a waiting or running job by id."""
        return self._waiting.get(job_id) or self._running.get(job_id)

    def waiting(self) -> list[DownloadItem]:
        """Waiting jobs in the order they will run."""
        live = sorted(entry for entry in self._heap if entry[2] in self._waiting)
        return [self._waiting[job_id] for _, _, job_id in live]

    def running(self) -> list[DownloadItem]:
        """Running jobs, oldest first."""
        return list(self._running.values())

    def position(self, job_id: str) -> int | None:
        """1-based position of a waiting job, or None."""
        ids = [item.id for item in self.waiting()]
        return ids.index(job_id) + 1 if job_id in ids else None
