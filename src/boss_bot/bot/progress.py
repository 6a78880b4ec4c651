"""Live progress in status messages, without flooding Discord.

Reports arrive often (several a second per job); the board keeps only the latest
one per job and edits a job's message at most once per ``interval`` seconds, and
at most ``per_second`` edits a second across all jobs, least recently edited first.
A waiting job's new place in the queue (``Place``) goes through the same board, so
position edits are paced like progress edits. Final states bypass the board (see
``DiscordSink.update``), which first waits for the job's in-flight edit, so a late
progress edit never overwrites ✅ or ❌ (nor a place "starting now").
"""

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable

from loguru import logger

from boss_bot.core.items import DownloadItem, ProgressEvent
from boss_bot.core.ports import Place

Report = ProgressEvent | Place  # a running job's progress, or a waiting job's place
Edit = Callable[[DownloadItem, Report], Awaitable[None]]


class ProgressBoard:
    """Coalesces progress reports into throttled status-message edits."""

    def __init__(
        self,
        edit: Edit,
        interval: float,
        *,
        per_second: float = 4.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.edit, self.interval, self.per_second, self.clock = edit, interval, per_second, clock
        self._latest: dict[str, tuple[DownloadItem, Report]] = {}
        self._last_edit: dict[str, float] = {}
        self._inflight: dict[str, asyncio.Task[None]] = {}

    def report(self, item: DownloadItem, event: Report) -> None:
        """Keep the newest report of a job (cheap; called for every report)."""
        self._latest[item.id] = (item, event)
        self._last_edit.setdefault(item.id, self.clock())  # the first edit waits a full interval

    async def forget(self, job_id: str) -> None:
        """Stop editing a job's progress, and wait for an edit already under way."""
        self._latest.pop(job_id, None)
        self._last_edit.pop(job_id, None)
        task = self._inflight.pop(job_id, None)
        if task is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await task

    def due(self) -> list[str]:
        """Jobs whose message may be edited now, least recently edited first."""
        now = self.clock()
        ready = [j for j in self._latest if now - self._last_edit[j] >= self.interval]
        ready = [j for j in ready if j not in self._inflight]
        return sorted(ready, key=self._last_edit.__getitem__)[: max(int(self.per_second), 1)]

    def tick(self) -> list[str]:
        """Start the edits that are due (one pass); return the job ids edited."""
        started = self.due()
        for job_id in started:
            item, event = self._latest.pop(job_id)
            self._last_edit[job_id] = self.clock()
            task = asyncio.create_task(self._edit(item, event))
            self._inflight[job_id] = task
            task.add_done_callback(lambda _t, j=job_id: self._inflight.pop(j, None))
        return started

    async def _edit(self, item: DownloadItem, event: Report) -> None:
        try:
            await self.edit(item, event)
        except Exception:
            logger.bind(job_id=item.id).opt(exception=True).debug("progress edit failed")

    async def run(self) -> None:
        """Tick once a second until cancelled."""
        while True:
            self.tick()
            await asyncio.sleep(1.0)
