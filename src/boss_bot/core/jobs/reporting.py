"""Telling the world about a job: its states saved then shown, its progress and its retries.

Every status change is saved before it is shown, so a restart knows where each job was;
a save or a display that fails is logged and never ends the job.
"""

import asyncio
from collections.abc import Callable, Sequence

from loguru import logger

from boss_bot.core.items import DownloadItem, DownloadResult, ProgressEvent
from boss_bot.core.jobs.retrying import OnRetry
from boss_bot.core.ports import Finished, JobSink
from boss_bot.core.storage.job_store import JobStore, TolerantStore
from boss_bot.errors import DownloadFailedError


class Reporter:
    """Saves a job's states to the store and shows them through the sink.

    Attributes:
        progress: The latest progress report of each running job, by job id.
    """

    def __init__(self, store: JobStore, sink: JobSink, on_finish: Sequence[Finished] = ()):
        self.store, self.sink, self.on_finish = TolerantStore(store), sink, tuple(on_finish)
        self.progress: dict[str, ProgressEvent] = {}

    async def tell(self, item: DownloadItem, result: DownloadResult | None = None) -> None:
        """Save and show a status (finished: also ``on_finish``); failures logged, never raised."""
        self.store.save(item)
        try:
            for hook in self.on_finish if item.status.finished else ():
                await asyncio.to_thread(hook, item, result)
            await self.sink.update(item, result)
        except Exception:
            logger.bind(job_id=item.id).exception("could not report status {}", item.status)

    def progress_of(self, item: DownloadItem) -> Callable[[ProgressEvent], None]:
        """The progress callback of ``item``'s download."""

        def progress(event: ProgressEvent) -> None:
            self.progress[item.id] = event
            self.sink.progress(item, event)

        return progress

    def retries_of(self, item: DownloadItem, tries: int) -> OnRetry:
        """The callback that shows ``item``'s failed tries (a deleted message is no failure)."""
        log = logger.bind(job_id=item.id)

        async def again(failure: DownloadFailedError, tried: int, delay: float) -> None:
            log.info("try {} failed ({}): {}", tried, failure.kind, failure.detail[-300:])
            self.progress.pop(item.id, None)
            try:
                await self.sink.retrying(item, failure, tried, tries, delay)
            except Exception:
                log.exception("could not show the retry")

        return again
