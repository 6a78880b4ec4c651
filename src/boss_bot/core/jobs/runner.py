"""Running one job from start to finish: download, fit, deliver, record, clean up.

Each step is saved and shown through ``reporting.Reporter`` before the job moves on.
"""

import asyncio
import time
from collections import deque
from collections.abc import Sequence
from datetime import UTC, datetime

from loguru import logger

from boss_bot.core.fitting.fitter import NO_FITTING, Fitter
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.jobs.fetching import Fetcher
from boss_bot.core.jobs.interruption import record_interruption
from boss_bot.core.jobs.reporting import Reporter
from boss_bot.core.jobs.subtitles import SubtitlesFor, no_subtitles
from boss_bot.core.jobs.workers import PAUSE
from boss_bot.core.phases import announcing
from boss_bot.core.ports import Finished, JobSink
from boss_bot.core.results import Batch, BatchStep, measure
from boss_bot.core.storage.job_store import JobStore
from boss_bot.core.storage.paths import Storage
from boss_bot.core.urls import check_url
from boss_bot.errors import DownloadFailedError, FailureKind


class JobRunner:
    """Takes a job through the pipeline, saving and reporting every step."""

    def __init__(
        self,
        storage: Storage,
        store: JobStore,
        sink: JobSink,
        fetcher: Fetcher,
        *,
        fitter: Fitter = NO_FITTING,
        on_finish: Sequence[Finished] = (),
        steps: Sequence[BatchStep] = (),
        subtitles: SubtitlesFor = no_subtitles,
    ) -> None:
        """``subtitles`` says which subtitle languages each job fetches (for search)."""
        self.storage, self.sink, self.fetcher, self.fitter = storage, sink, fetcher, fitter
        self.subtitles = subtitles
        self.steps = steps  # after fitting, in order
        self.report = Reporter(store, sink, on_finish)
        self.tell, self.progress = self.report.tell, self.report.progress
        self.durations: deque[float] = deque(maxlen=20)

    async def _deliver(self, item: DownloadItem, result: DownloadResult) -> DownloadItem:
        """Post the files, recording how many are posted so a restart does not repeat them."""
        item = item.evolve(status=DownloadStatus.UPLOADING)
        await self.tell(item)

        def posted(count: int, message_id: int | None = None) -> None:
            nonlocal item
            first = item.files_message_id or message_id  # where a repeat of the link points
            item = item.evolve(delivered=count, files_message_id=first)
            self.report.store.save(item)

        await self.sink.deliver(item, result, posted)
        return item

    async def _fetch(self, item: DownloadItem, limit: int) -> Batch:
        """Download, trying again on transient failures; each retry is shown."""
        again = self.report.retries_of(item, self.fetcher.retry.tries)
        dest, url = self.storage.job_dir(item.id), check_url(item.url)
        progress, langs = self.report.progress_of(item), self.subtitles(item)
        return await self.fetcher(url, dest, progress, again, target=limit, subtitles=langs)

    async def run(self, item: DownloadItem) -> DownloadItem:
        """Run ``item`` and return its final state; never raises except on cancel."""
        log = logger.bind(job_id=item.id, guild_id=item.guild_id, user_id=item.user_id)
        start, keep_files = time.monotonic(), False
        item = item.evolve(
            status=DownloadStatus.DOWNLOADING,
            started_at=datetime.now(UTC),
            attempts=item.attempts + 1,
        )
        try:
            await self.tell(item)  # inside: a cancel may land while this is shown
            limit = await self.sink.upload_limit(item)
            batch = await self._fetch(item, limit)
            if self.fitter.needed(batch.files, limit):
                item = item.evolve(status=DownloadStatus.PROCESSING)
                await self.tell(item)
                batch = await self.fitter.fit_all(batch, limit)
            with announcing(lambda status: self.tell(item.evolve(status=status))):
                for step in self.steps:
                    batch = await step(batch, limit)
            result = measure(batch, limit, time.monotonic() - start)
            if result.files:
                item = await self._deliver(item, result)
            final = DownloadStatus.COMPLETED if result.files else DownloadStatus.FAILED
            item = item.evolve(status=final, completed_at=datetime.now(UTC))
            log.info("job {}: {} file(s), {} over", final, len(result.files), len(result.oversized))
            await asyncio.shield(self.tell(item, result))
        except DownloadFailedError as exc:
            log.warning("download failed ({}): {}", exc.kind, exc.detail[-2000:])
            item = item.evolve(status=DownloadStatus.FAILED, error=exc.user_message(ref=item.id))
            await self.tell(item)
        except asyncio.CancelledError as exc:
            keep_files = PAUSE in exc.args  # ▶️ continues from the partial file (set first:
            await record_interruption(item, exc, self.tell)  # a shutdown may cancel this)
            raise
        except Exception:
            log.exception("job failed unexpectedly")
            error = DownloadFailedError(FailureKind.UNKNOWN).user_message(ref=item.id)
            item = item.evolve(status=DownloadStatus.FAILED, error=error)
            await self.tell(item)
        finally:
            if not keep_files:
                self.storage.cleanup(item.id)
            self.progress.pop(item.id, None)
            self.durations.append(time.monotonic() - start)
        return item
