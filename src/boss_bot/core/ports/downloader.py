"""The ``Downloader`` port: what core asks of yt-dlp and gallery-dl, and what it gives them.

Implemented in ``boss_bot.downloaders``; core never imports that package.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from boss_bot.core.bandwidth import Bandwidth
from boss_bot.core.card import Card
from boss_bot.core.items import ProgressEvent
from boss_bot.core.urls import CheckedURL

ProgressCallback = Callable[[ProgressEvent], None]


@dataclass(frozen=True, slots=True)
class JobLimits:
    """Bounds on one download job.

    Attributes:
        timeout: Wall-clock seconds the job may run.
        max_bytes: Bytes the job may write to disk.
        max_files: Files the job may write.
        allow_private: Whether non-public addresses may be contacted.
        ffmpeg: Path of the ffmpeg binary, if one was found.
        target_bytes: The upload limit; formats under it are preferred where known.
        cookies: A cookies.txt for the sites' logins (if the file is there); each
            download gets its own copy.
        bandwidth: Shared by the running downloads; each holds a share of it while its
            process runs and follows that share's rate as jobs start and end.
        subtitle_langs: Subtitle languages to fetch for search, as patterns like
            yt-dlp's ``subtitleslangs`` (``("en.*",)``); empty: none are fetched.
    """

    timeout: float = 300.0
    max_bytes: int = 500 * 1024 * 1024
    max_files: int = 30
    allow_private: bool = False
    ffmpeg: str | None = None
    target_bytes: int | None = None
    cookies: Path | None = None
    bandwidth: Bandwidth = field(default_factory=Bandwidth)  # unlimited unless told
    subtitle_langs: tuple[str, ...] = ()

    def for_job(self, target: int | None, subtitles: tuple[str, ...] = ()) -> "JobLimits":
        """These limits with one job's upload limit and subtitle languages, where given."""
        return replace(
            self,
            target_bytes=target or self.target_bytes,
            subtitle_langs=subtitles or self.subtitle_langs,
        )


class Downloaded(list[Path]):
    """The files a downloader wrote, with sentences for the user about items it left out.

    A plain list of paths is a ``Downloaded`` without notes (``notes_of``) or card
    (``card_of``).
    """

    def __init__(
        self, files: Iterable[Path] = (), notes: tuple[str, ...] = (), card: Card | None = None
    ) -> None:
        super().__init__(files)
        self.notes, self.card = notes, card


def notes_of(files: list[Path]) -> tuple[str, ...]:
    """The notes a download's files carry (none for a plain list)."""
    return files.notes if isinstance(files, Downloaded) else ()


def card_of(files: list[Path]) -> Card | None:
    """What the downloader said about the media, for the caption card (``None``: nothing)."""
    return files.card if isinstance(files, Downloaded) else None


class Downloader(Protocol):
    """Something that fetches the media behind a URL into a directory."""

    @property
    def name(self) -> str:
        """The library's name, e.g. ``yt-dlp`` (read-only: engines are frozen)."""
        ...

    async def download(
        self, url: str, dest: Path, limits: JobLimits, on_progress: ProgressCallback
    ) -> list[Path]:
        """Download the media at ``url`` into ``dest``.

        Args:
            url: A validated http(s) URL.
            dest: An empty directory owned by this job; nothing is written elsewhere.
            limits: Bounds the download must respect.
            on_progress: Called with progress reports, on the event loop.

        Returns:
            The files written, in the source's order; a ``Downloaded`` when some
            items were left out (a playlist longer than the job's bounds).

        Raises:
            DownloadFailedError: With the kind of failure.
        """
        ...


Router = Callable[[CheckedURL], Downloader]
"""Picks the downloader for a checked URL."""
