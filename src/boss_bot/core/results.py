"""What a finished job produced: the files to deliver and what was left out, and why."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from boss_bot.core.card import Card
from boss_bot.core.ffmpeg import size_of


@dataclass(frozen=True, slots=True)
class DownloadResult:
    """What a finished job produced.

    Attributes:
        files: The media files, in the source's order.
        oversized: Files that exceed the upload limit, with their sizes.
        limit: The upload limit that applied, in bytes.
        elapsed: Seconds from start to the end of the download.
        notes: Sentences for the user about files left out for other reasons (not
            media, too large to process, out of time).
        downloader: The library that delivered the files (``gallery-dl``, ``yt-dlp``).
        fetched_bytes: The media files' size as downloaded, before fitting.
        card: What the caption card shows, when the downloader said.
        sizes: Each file's size in bytes, measured where the files are (a gateway
            shows a remote worker's result without them).
    """

    files: tuple[Path, ...]
    oversized: tuple[tuple[str, int], ...] = ()
    limit: int = 0
    elapsed: float = 0.0
    notes: tuple[str, ...] = ()
    downloader: str = ""
    fetched_bytes: int = 0
    card: Card | None = None
    sizes: tuple[int, ...] = ()

    @property
    def file_sizes(self) -> tuple[int, ...]:
        """Each file's size, as measured (or read from the disk when it was not)."""
        if len(self.sizes) == len(self.files):
            return self.sizes
        return tuple(path.stat().st_size for path in self.files)

    @property
    def total_bytes(self) -> int:
        """Total size of the files that will be delivered."""
        return sum(self.file_sizes)


@dataclass(frozen=True, slots=True)
class Batch:
    """A job's files on their way (downloaded, sorted, fitted), in the source's order.

    Attributes:
        files: The files still in the running.
        notes: Sentences for the user about files left out on the way.
        downloader: The library that downloaded them.
        fetched_bytes: Their size as downloaded (fitting may shrink them).
        card: What the caption card shows, when the downloader said.
    """

    files: list[Path]
    notes: tuple[str, ...] = ()
    downloader: str = ""
    fetched_bytes: int = 0
    card: Card | None = None


def measure(batch: Batch, limit: int, elapsed: float) -> DownloadResult:
    """Sort the files into those that fit and those (named, with sizes) that don't."""
    sizes = {path: size_of(path) for path in batch.files}
    fits = tuple(path for path, n in sizes.items() if n <= limit)
    over = tuple((path.name, n) for path, n in sizes.items() if n > limit)
    fetched, fit_sizes = batch.fetched_bytes, tuple(sizes[path] for path in fits)
    return DownloadResult(
        fits, over, limit, elapsed, batch.notes, batch.downloader, fetched, batch.card, fit_sizes
    )


BatchStep = Callable[[Batch, int], Awaitable[Batch]]
"""A step a job's files go through after fitting, given the upload limit (cleaning, …)."""
