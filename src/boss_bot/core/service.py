"""The download service: the one object the front ends talk to."""

import shutil

from boss_bot.core.items import DownloadItem, DownloadPriority
from boss_bot.core.jobs import JobRunner
from boss_bot.core.pipeline import Router, validate
from boss_bot.core.queue import JobQueue
from boss_bot.core.sink import JobSink
from boss_bot.core.storage import Storage
from boss_bot.core.urls import CheckedURL, Platform
from boss_bot.core.workers import WorkerPool
from boss_bot.downloaders.base import JobLimits
from boss_bot.settings import BotSettings


def limits_from(settings: BotSettings) -> JobLimits:
    """Build per-job bounds from settings, with ffmpeg found on PATH."""
    return JobLimits(
        timeout=settings.download_timeout,
        max_bytes=settings.max_download_bytes,
        max_files=settings.max_files_per_job,
        allow_private=settings.allow_private_urls,
        ffmpeg=shutil.which("ffmpeg"),
    )


class DownloadService:
    """Validates, queues and runs download jobs; results go to a ``JobSink``."""

    def __init__(self, settings: BotSettings, sink: JobSink, router: Router) -> None:
        self.settings = settings
        self.storage = Storage(settings.data_dir)
        self.queue = JobQueue(settings.max_queue_size)
        self.runner = JobRunner(self.storage, sink, router, limits_from(settings))
        self.pool = WorkerPool(self.queue, self.runner.run, settings.max_concurrent_downloads)

    async def start(self) -> None:
        """Prepare the data directory and start the workers."""
        self.storage.prepare()
        self.pool.start()

    async def close(self) -> None:
        """Stop the workers; running jobs are cancelled and cleaned up."""
        await self.pool.close()

    async def validate(self, text: str, allowed: frozenset[Platform] | None = None) -> CheckedURL:
        """Check a URL a user gave; see ``pipeline.validate``."""
        return await validate(text, allowed, allow_private=self.settings.allow_private_urls)

    def admit(
        self,
        url: CheckedURL,
        *,
        user_id: int,
        channel_id: int,
        guild_id: int | None,
        message_id: int | None = None,
        priority: DownloadPriority = DownloadPriority.NORMAL,
    ) -> DownloadItem:
        """Make a job for ``url`` if the queue has room; ``enqueue`` it once acknowledged.

        Raises:
            QueueFullError: No room in the queue.
        """
        self.queue.check_capacity()
        return DownloadItem(
            url=url.url, platform=url.platform, user_id=user_id, channel_id=channel_id,
            guild_id=guild_id, message_id=message_id, priority=priority,
        )  # fmt: skip

    def enqueue(self, item: DownloadItem) -> int:
        """Queue an admitted job; returns its position among waiting jobs.

        Raises:
            QueueFullError: The queue filled up since ``admit``.
        """
        return self.queue.put(item)

    def position_hint(self) -> int:
        """Position a job admitted now would get (for the acknowledgement)."""
        return len(self.queue.waiting()) + 1
