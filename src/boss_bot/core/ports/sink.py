"""What the core needs from a front end (the Discord bot, or the command line)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from boss_bot.core.items import DownloadItem, DownloadResult, ProgressEvent
from boss_bot.errors import DownloadFailedError

Finished = Callable[[DownloadItem, DownloadResult | None], object]
"""Told of every job that ends (records, metrics); runs in a worker thread."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where a waiting job stands in the queue.

    Attributes:
        item: The waiting job.
        position: Its 1-based place in the order jobs are expected to start.
        wait: Estimated seconds until it starts (0: as soon as a worker takes it).
    """

    item: DownloadItem
    position: int
    wait: float


class JobSink(Protocol):
    """Receives a job's state changes and its files. Implemented by the bot layer."""

    async def upload_limit(self, item: DownloadItem) -> int:
        """Return the largest file, in bytes, that may be delivered for ``item``."""
        ...

    def progress(self, item: DownloadItem, event: ProgressEvent) -> None:
        """Take a progress report (called often; must not block)."""
        ...

    def waiting(self, places: Sequence[Place]) -> None:
        """Take the waiting jobs whose position changed (on queue changes; must not block)."""
        ...

    async def update(self, item: DownloadItem, result: DownloadResult | None = None) -> None:
        """Show the job's new status (``item.status``; ``item.error`` when failed)."""
        ...

    async def retrying(
        self,
        item: DownloadItem,
        failure: DownloadFailedError,
        tried: int,
        tries: int,
        delay: float,
    ) -> None:
        """Show that try ``tried`` of ``tries`` failed and the next starts in ``delay`` s."""
        ...

    async def deliver(
        self, item: DownloadItem, result: DownloadResult, posted: Callable[[int, int], None]
    ) -> None:
        """Post the result's files where the job was asked for.

        Args:
            item: The job; its first ``item.delivered`` files were already posted
                before a restart and must be skipped.
            result: The files to post.
            posted: Called after each message with the number of files posted so
                far and that message's id.
        """
        ...
