"""Running one job from start to finish: download, check sizes, deliver, clean up."""

import asyncio
import time
from datetime import UTC, datetime

from loguru import logger

from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.pipeline import Router, fetch
from boss_bot.core.sink import JobSink
from boss_bot.core.storage import Storage
from boss_bot.core.urls import check_url
from boss_bot.downloaders.base import JobLimits
from boss_bot.errors import DownloadFailedError, FailureKind


class JobRunner:
    """Takes a job through the pipeline and reports every step to the sink."""

    def __init__(self, storage: Storage, sink: JobSink, router: Router, limits: JobLimits) -> None:
        self.storage = storage
        self.sink = sink
        self.router = router
        self.limits = limits

    async def _tell(self, item: DownloadItem, result: DownloadResult | None = None) -> None:
        """Report a status; a front end failing to show it never stops the job."""
        try:
            await self.sink.update(item, result)
        except Exception:
            logger.bind(job_id=item.id).exception("could not report status {}", item.status)

    async def run(self, item: DownloadItem) -> DownloadItem:
        """Run ``item`` and return its final state; never raises except on cancel."""
        log = logger.bind(job_id=item.id, guild_id=item.guild_id, user_id=item.user_id)
        start = time.monotonic()
        item = item.evolve(
            status=DownloadStatus.DOWNLOADING, started_at=datetime.now(UTC),
            attempts=item.attempts + 1,
        )  # fmt: skip
        await self._tell(item)
        try:
            dest = self.storage.job_dir(item.id)
            files = await fetch(
                check_url(item.url), dest, self.router, self.limits,
                lambda event: self.sink.progress(item, event),
            )  # fmt: skip
            limit = await self.sink.upload_limit(item)
            fits = tuple(path for path in files if path.stat().st_size <= limit)
            over = tuple((p.name, p.stat().st_size) for p in files if p.stat().st_size > limit)
            result = DownloadResult(fits, over, limit, time.monotonic() - start)
            if fits:
                item = item.evolve(status=DownloadStatus.UPLOADING)
                await self._tell(item)
                await self.sink.deliver(item, result)
            final = DownloadStatus.COMPLETED if fits else DownloadStatus.FAILED
            item = item.evolve(status=final, completed_at=datetime.now(UTC))
            log.info("job {} with {} file(s), {} too large", final, len(fits), len(over))
            await self._tell(item, result)
        except DownloadFailedError as exc:
            log.warning("download failed ({}): {}", exc.kind, exc.detail[-2000:])
            item = item.evolve(status=DownloadStatus.FAILED, error=exc.user_message(ref=item.id))
            await self._tell(item)
        except asyncio.CancelledError:
            log.info("job cancelled")
            item = item.evolve(
                status=DownloadStatus.CANCELLED,
                error=DownloadFailedError(FailureKind.CANCELLED).user_message(),
            )
            await asyncio.shield(self._tell(item))
            raise
        except Exception:
            log.exception("job failed unexpectedly")
            error = DownloadFailedError(FailureKind.UNKNOWN).user_message(ref=item.id)
            item = item.evolve(status=DownloadStatus.FAILED, error=error)
            await self._tell(item)
        finally:
            self.storage.cleanup(item.id)
        return item
