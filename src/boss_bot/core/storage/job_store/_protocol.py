"""The interface the job runner persists through."""

from typing import Protocol

from boss_bot.core.items import DownloadItem


class JobStore(Protocol):
    """Where unfinished jobs are kept."""

    def save(self, item: DownloadItem) -> None:
        """Insert or update a job (finished jobs leave; failed ones may be kept for 🔄)."""
        ...

    def unfinished(self) -> list[DownloadItem]:
        """All jobs not finished, in the order they were accepted."""
        ...

    def close(self) -> None:
        """Release the store."""
        ...
