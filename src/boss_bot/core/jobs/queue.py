"""An in-process job queue: priority first, then guilds in turn, then first come first served.

Within one priority, the guild served least recently goes next, so one guild's forty
waiting jobs cannot starve another guild's single job. A user's job waits while that
user already has ``per_user`` jobs running (a number, or a server's own, by guild id).
A paused job keeps its place; others pass it. ``on_change`` is called whenever the
waiting jobs or their order may have changed (a job added, started, removed or ended).
"""

import asyncio
import itertools
from collections.abc import Callable, Iterator

from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs._capacity import Capacity
from boss_bot.core.jobs._order import fairness_key, first_startable, start_order


class JobQueue(Capacity):
    """Waiting and running jobs, bounded by ``max_size`` in total."""

    def __init__(self, max_size: int, per_user: int | Callable[[int | None], int] = 2) -> None:
        super().__init__(max_size)
        self.per_user = per_user if callable(per_user) else (lambda _guild, n=per_user: n)
        self._seq = itertools.count()
        self._order: dict[str, int] = {}
        self._waiting: dict[str, DownloadItem] = {}
        self._running: dict[str, DownloadItem] = {}
        self._served: dict[tuple[int, int | None], int] = {}  # (priority, guild) -> turn
        self._turns = itertools.count(1)
        self._changed = asyncio.Event()
        self.on_change: Callable[[], object] = lambda: None

    def __len__(self) -> int:
        return len(self._waiting) + len(self._running)

    def counts(self) -> tuple[int, int]:
        """The running and the waiting jobs."""
        return len(self._running), len(self._waiting)

    def put(self, item: DownloadItem, *, force: bool = False, reserved: bool = False) -> int:
        """Add a job; return its 1-based position.

        ``reserved`` uses a place taken with ``reserve``; ``force`` ignores the bound
        (jobs taken back after a restart are never dropped).
        """
        if reserved:
            self.release()
        elif not force:
            self.check_capacity()
        self._order.setdefault(item.id, next(self._seq))
        self._waiting[item.id] = item
        self.wake()
        return self.position(item.id) or 0

    def _plan(self) -> Iterator[DownloadItem]:
        return start_order(self._waiting.values(), self._order, self._served)

    def wake(self) -> None:
        """Look again for a job that may start, and tell ``on_change`` (the jobs changed)."""
        self._changed.set()
        self.on_change()

    async def get(self) -> DownloadItem:
        """Wait for the next job that may start (not paused), and mark it running."""
        while True:
            item = first_startable(self._plan(), self._running.values(), self.per_user)
            if item is not None:
                del self._waiting[item.id]
                self._running[item.id] = item
                self._served[fairness_key(item)] = next(self._turns)
                self.on_change()
                return item
            self._changed.clear()
            await self._changed.wait()

    def adopt(self, item: DownloadItem) -> None:
        """Count as running a job that started elsewhere (on a worker, before a restart)."""
        self._order.setdefault(item.id, next(self._seq))
        self._running[item.id] = item
        self.on_change()

    def done(self, job_id: str) -> None:
        """Forget a job that stopped running (its user may start another)."""
        if self._running.pop(job_id, None) is not None:
            self._order.pop(job_id, None)
            self.wake()

    def replace(self, item: DownloadItem) -> bool:
        """Change a waiting job (paused, resumed), keeping its place; False if not waiting."""
        if item.id not in self._waiting:
            return False
        self._waiting[item.id] = item
        self.wake()
        return True

    def remove(self, job_id: str) -> DownloadItem | None:
        """Take a waiting job out of the queue; None if it is not waiting."""
        item = self._waiting.pop(job_id, None)
        if item is not None:
            self._order.pop(job_id, None)
            self.on_change()
        return item

    def get_item(self, job_id: str) -> DownloadItem | None:
        """Return a waiting or running job by id."""
        return self._waiting.get(job_id) or self._running.get(job_id)

    def waiting(self) -> list[DownloadItem]:
        """Waiting jobs in the order they are expected to start."""
        return list(self._plan())

    def running(self) -> list[DownloadItem]:
        """Running jobs, oldest first."""
        return list(self._running.values())

    def position(self, job_id: str) -> int | None:
        """1-based position of a waiting job, or None."""
        return next((n for n, item in enumerate(self._plan(), 1) if item.id == job_id), None)
