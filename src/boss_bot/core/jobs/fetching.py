"""The download part of the pipeline, shared by the bot and ``bossbotctl download``."""

from dataclasses import dataclass, field, replace
from pathlib import Path

from boss_bot.core.addresses import resolve_public
from boss_bot.core.bandwidth import Bandwidth
from boss_bot.core.cookies import cookies_path
from boss_bot.core.ffmpeg import Tools, size_of
from boss_bot.core.jobs.retrying import OnRetry, RetryPolicy, with_retries
from boss_bot.core.media.files import describe, skipped_note, sort_out
from boss_bot.core.ports import Downloader, JobLimits, ProgressCallback, Router
from boss_bot.core.ports.downloader import card_of, notes_of
from boss_bot.core.results import Batch
from boss_bot.core.urls import CheckedURL, Platform, check_url
from boss_bot.errors import DownloadFailedError, FailureKind
from boss_bot.settings import BotSettings


async def validate(
    text: str, allowed: frozenset[Platform] | None = None, *, allow_private: bool = False
) -> CheckedURL:
    """Check a URL's form, then that its host resolves to public addresses only.

    Raises:
        UserFacingError: Invalid URL, unsupported site or blocked address.
    """
    url = check_url(text, allowed)
    await resolve_public(url.host, url.port, allow_private=allow_private)
    return url


async def fetch(
    url: CheckedURL, dest: Path, router: Router, limits: JobLimits, on_progress: ProgressCallback
) -> list[Path]:
    """Download the media at ``url`` into ``dest``.

    Returns:
        The files written, in the source's order.

    Raises:
        DownloadFailedError: Nothing was downloaded.
    """
    files = await router(url).download(url.url, dest, limits, on_progress)
    if not files:
        raise DownloadFailedError(FailureKind.NO_MEDIA, "the downloader wrote no files")
    return files


async def keep_media(files: list[Path]) -> Batch:
    """The files whose content is a picture, video or audio container; the rest deleted.

    The downloader's notes (items left out) come first in the batch's notes.

    Raises:
        DownloadFailedError: None is (``NOT_MEDIA``, saying what they were).
    """
    media, skipped = await sort_out(files)
    if not media:
        what = describe(skipped)
        raise DownloadFailedError(FailureKind.NOT_MEDIA, f"only {what}", limit=f" (only {what})")
    notes = (*notes_of(files), *((skipped_note(skipped),) if skipped else ()))
    return Batch(media, notes, card=card_of(files))


async def _unreported(failure: DownloadFailedError, tried: int, delay: float) -> None:
    """Default ``on_retry``: nothing to show."""


@dataclass(frozen=True, slots=True)
class Fetcher:
    """Everything a download needs besides its URL: downloaders, bounds and retries."""

    router: Router
    limits: JobLimits
    retry: RetryPolicy = field(default_factory=RetryPolicy)

    @classmethod
    def from_settings(cls, settings: BotSettings, router: Router) -> "Fetcher":
        """Bounds and retries as configured; ffmpeg where ``FFMPEG_PATH`` says, else on PATH."""
        limits = JobLimits(
            timeout=settings.download_timeout,
            max_bytes=settings.max_download_bytes,
            max_files=settings.max_files_per_job,
            allow_private=settings.allow_private_urls,
            ffmpeg=Tools.find(settings.ffmpeg_path, settings.ffprobe_path).ffmpeg,
            cookies=cookies_path(settings),
            bandwidth=Bandwidth(settings.total_rate_limit, settings.job_rate_limit),
        )
        return cls(router, limits, RetryPolicy.from_settings(settings))

    async def __call__(
        self,
        url: CheckedURL,
        dest: Path,
        on_progress: ProgressCallback,
        on_retry: OnRetry = _unreported,
        *,
        target: int | None = None,
        subtitles: tuple[str, ...] = (),
    ) -> Batch:
        """``fetch`` with retries on transient failures (see ``retrying``), then ``keep_media``.

        ``target``: the upload limit (formats under it first); ``subtitles``: for search.
        """
        limits = self.limits.for_job(target, subtitles)
        used: list[Downloader] = []  # its ``name`` says which library delivered

        async def attempt() -> list[Path]:
            used.append(self.router(url))
            return await fetch(url, dest, lambda _: used[-1], limits, on_progress)

        try:
            batch = await keep_media(await with_retries(self.retry, attempt, dest, on_retry))
        except DownloadFailedError as exc:
            exc.site = exc.site or url.host  # messages may name the site ("add cookies for…")
            raise
        fetched = sum(size_of(path) for path in batch.files)
        return replace(batch, downloader=used[-1].name, fetched_bytes=fetched)
