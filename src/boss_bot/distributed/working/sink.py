"""The worker's ``JobSink``: state goes into the job's metadata, files go to Discord.

The gateway renders every status edit from that metadata (it alone knows a shared
status message's other lines and each member's wishes); the worker posts the files
itself, since they never leave its host.
"""

from collections.abc import Callable, Sequence
from typing import Protocol

from boss_bot.core.items import DownloadItem, DownloadResult, ProgressEvent
from boss_bot.core.ports import Place
from boss_bot.distributed.results import encode_result
from boss_bot.distributed.state import encode_item, encode_progress, encode_retry, retry_of
from boss_bot.distributed.working.meta import JobMeta
from boss_bot.errors import DownloadFailedError

MAX_LANGUAGES = 20  # patterns a job may name


class Poster(Protocol):
    """Posts a job's files where it was asked for (the bot layer's REST poster)."""

    async def __call__(
        self,
        item: DownloadItem,
        result: DownloadResult,
        posted: Callable[[int, int], None],
        *,
        ping: int | None,
    ) -> None:
        """Post ``result``'s files, skipping ``item.delivered``; ``posted`` after each message."""
        ...


def languages(raw: object) -> tuple[str, ...]:
    """The subtitle languages a job was handed with (a list of patterns), checked."""
    listed = raw if isinstance(raw, list) else []
    return tuple(pattern for pattern in listed[:MAX_LANGUAGES] if isinstance(pattern, str))


class Running:
    """What the worker knows of one running job beyond the job itself."""

    def __init__(
        self, meta: JobMeta, limit: int, ping: int | None, subtitles: tuple[str, ...] = ()
    ) -> None:
        self.meta, self.limit, self.ping, self.subtitles = meta, limit, ping, subtitles


class WorkerSink:
    """Implements ``JobSink`` and ``JobStore`` for the jobs this worker runs."""

    def __init__(self, poster: Poster) -> None:
        self.poster = poster
        self.jobs: dict[str, Running] = {}

    def _meta(self, item: DownloadItem) -> JobMeta | None:
        running = self.jobs.get(item.id)
        return running.meta if running else None

    async def upload_limit(self, item: DownloadItem) -> int:
        """The limit the gateway measured for the job's server."""
        return self.jobs[item.id].limit

    def subtitle_langs(self, item: DownloadItem) -> tuple[str, ...]:
        """The subtitle languages the gateway chose for the job (a ``SubtitlesFor``)."""
        running = self.jobs.get(item.id)
        return running.subtitles if running else ()

    def save(self, item: DownloadItem) -> None:
        """Record the job's state (``JobStore``): the gateway saves it in its own store."""
        if (meta := self._meta(item)) is not None:
            meta.set(item=encode_item(item))

    def unfinished(self) -> list[DownloadItem]:
        """A worker keeps no queue of its own (``JobStore``)."""
        return []

    def close(self) -> None:
        """Nothing to close (``JobStore``)."""

    def progress(self, item: DownloadItem, event: ProgressEvent) -> None:
        """Pass a progress report on."""
        if (meta := self._meta(item)) is not None:
            meta.set(progress=encode_progress(event))

    def waiting(self, places: Sequence[Place]) -> None:
        """Workers have no waiting jobs: the gateway shows them."""

    async def update(self, item: DownloadItem, result: DownloadResult | None = None) -> None:
        """Pass the job's new state (and, when it ends, its result) on."""
        if (meta := self._meta(item)) is not None:
            done = encode_result(result) if result is not None else None
            meta.set(item=encode_item(item), progress=None, result=done)

    async def retrying(
        self, item: DownloadItem, failure: DownloadFailedError, tried: int, tries: int, delay: float
    ) -> None:
        """Pass a failed try on, for the gateway to show."""
        if (meta := self._meta(item)) is not None:
            meta.set(retry=encode_retry(retry_of(failure, tried, tries, delay)), progress=None)

    async def deliver(
        self, item: DownloadItem, result: DownloadResult, posted: Callable[[int, int], None]
    ) -> None:
        """Post the files through the bot layer's poster."""
        await self.poster(item, result, posted, ping=self.jobs[item.id].ping)
