"""The gateway's ``Remote``: each job is handed to saq, then watched until it ends."""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence

from loguru import logger
from saq.job import TERMINAL_STATUSES, Job

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.interruption import record_interruption
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.jobs.workers import PAUSE, SHUTDOWN, RunJob
from boss_bot.core.tasks import BackgroundTasks
from boss_bot.distributed.broker import job_options
from boss_bot.distributed.gateway.capacity import WorkerSlots
from boss_bot.distributed.gateway.handing import Handing
from boss_bot.distributed.gateway.watching import Watched, apply, end
from boss_bot.distributed.queueing import BossQueue
from boss_bot.distributed.working.job import CANCEL
from boss_bot.settings import BotSettings

Ping = Callable[[DownloadItem], Awaitable[int | None]]  # whom the files mention


class RemoteJobs:
    """Implements ``core.jobs.remote.Remote`` with saq on Redis."""

    def __init__(self, settings: BotSettings, queue: BossQueue, ping: Ping) -> None:
        self.queue, self.ping, self.poll = queue, ping, settings.broker_poll_seconds
        self.slots = WorkerSlots(queue, settings.broker_poll_seconds)
        self.handing = Handing(queue, job_options(settings))
        self.retried: Callable[[str], None] = lambda _worker: None  # metrics, by worker
        self._out: set[str] = set()  # jobs found handed out at start-up: watch, not hand
        self._tasks = BackgroundTasks()

    async def start(self) -> None:
        """Connect, read the workers once, and keep following them."""
        await self.queue.connect()
        with contextlib.suppress(Exception):  # Redis away: `follow` says so and keeps trying
            await self.slots.refresh()
        self._tasks.spawn(self.slots.follow(), name="worker-slots")

    async def close(self) -> None:
        """Stop following; jobs carry on on their workers."""
        await self._tasks.close()
        with contextlib.suppress(Exception):
            await self.queue.disconnect()

    async def reconcile(
        self, saved: Sequence[DownloadItem]
    ) -> tuple[list[DownloadItem], list[DownloadItem]]:
        """Running rows whose saq job still exists are watched again; others queue again."""
        again, out = [], []
        for item in saved:
            waiting = item.status in (DownloadStatus.QUEUED, DownloadStatus.PAUSED)
            job = None if waiting else await self._find(item.id)
            (out if job is not None else again).append(item)
            if job is not None:
                self._out.add(item.id)
        return again, out

    async def _find(self, job_id: str) -> Job | None:
        with contextlib.suppress(Exception):
            return await self.queue.job(job_id)
        return None

    def bind(self, runner: JobRunner) -> RunJob:
        """The pool's way to run a job: hand it out (unless it is out) and watch it."""

        async def run(item: DownloadItem) -> DownloadItem:
            seen = Watched(item)
            try:
                if item.id not in self._out:
                    await self._hand(runner, item)
                self._out.discard(item.id)
                self.slots.handed(item.id)
                return await self._watch(runner, seen)
            except asyncio.CancelledError as exc:
                if SHUTDOWN in exc.args:  # the worker carries on; the next start watches
                    raise
                reason = PAUSE if PAUSE in exc.args else CANCEL
                await asyncio.shield(self.handing.take_back(item.id, reason))
                await record_interruption(seen.item, exc, runner.tell)
                raise

        return run

    async def _hand(self, runner: JobRunner, item: DownloadItem) -> None:
        """Hand ``item`` out with its upload limit, whom it mentions, its subtitle languages."""
        limit, ping = await runner.sink.upload_limit(item), await self.ping(item)
        await self.handing.hand(item, limit, ping, runner.subtitles(item))

    async def _watch(self, runner: JobRunner, seen: Watched) -> DownloadItem:
        warned = False
        while True:
            await asyncio.sleep(self.poll)
            try:
                job = await self.queue.job(seen.item.id)
                warned = False
            except Exception as exc:  # Redis restarting: the job goes on; look again
                if not warned:
                    logger.bind(job_id=seen.item.id).warning("cannot read the job: {}", exc)
                warned = True
                continue
            if job is None:  # Redis lost it (restarted without its file): hand it out again
                await self._hand(runner, seen.item)
                continue
            await apply(runner, seen, job, self.retried)
            if job.status in TERMINAL_STATUSES:
                return await end(runner, seen, job)
