"""Waiting jobs' places in the queue, told to the sink whenever they change.

The queue calls ``changed`` on every change (a job added, started, removed, one
ended); the places are worked out once per turn of the event loop, after the change
settled (a worker has taken its job and counts as busy), and only jobs whose position
differs from the one last told (or acknowledged) go to the sink. Paused jobs have no
place (their status says "paused"), and the jobs behind them move up.
"""

import asyncio
from collections.abc import Callable

from loguru import logger

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.ports import JobSink, Place

Estimate = Callable[[int], float]  # position -> seconds until it starts


class Positions:
    """Tells ``sink.waiting`` the waiting jobs whose position changed.

    Args:
        waiting: The waiting jobs in start order (``JobQueue.waiting``).
        estimate: Seconds until the job at a position starts.
        sink: Where the changed places go.
    """

    def __init__(
        self, waiting: Callable[[], list[DownloadItem]], estimate: Estimate, sink: JobSink
    ) -> None:
        self.waiting, self.estimate, self.sink = waiting, estimate, sink
        self._told: dict[str, int] = {}  # job id -> the position its status shows
        self._due = False

    def shown(self, job_id: str, position: int) -> None:
        """A job's acknowledgement showed ``position`` (so it needs no edit for it)."""
        self._told[job_id] = position

    def changed(self) -> None:
        """The queue changed: tell the new places once this turn of the loop is over."""
        if not self._due:
            self._due = True
            asyncio.get_running_loop().call_soon(self.publish)

    def publish(self) -> None:
        """Tell the sink every waiting job whose position changed; forget the others."""
        self._due = False
        queued = [item for item in self.waiting() if item.status is not DownloadStatus.PAUSED]
        places = [Place(item, n, self.estimate(n)) for n, item in enumerate(queued, 1)]
        moved = [p for p in places if self._told.get(p.item.id) != p.position]
        self._told = {p.item.id: p.position for p in places}
        if moved:
            try:
                self.sink.waiting(moved)
            except Exception:
                logger.exception("could not show the queue's new positions")
