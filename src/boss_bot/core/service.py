"""The download service: the one object the front ends talk to."""

import asyncio

from boss_bot.core.access import Requester
from boss_bot.core.assembly import build, gated
from boss_bot.core.items import DownloadItem, DownloadPriority, DownloadStatus
from boss_bot.core.janitor import janitor
from boss_bot.core.pipeline import Router, validate
from boss_bot.core.queue import JobQueue
from boss_bot.core.recovery import resume
from boss_bot.core.sink import JobSink
from boss_bot.core.storage import Storage
from boss_bot.core.store import SqliteJobStore
from boss_bot.core.urls import CheckedURL, Platform
from boss_bot.core.workers import WorkerPool
from boss_bot.errors import RefusedError
from boss_bot.settings import BotSettings


class DownloadService:
    """Validates, queues, persists and runs download jobs; results go to a ``JobSink``."""

    def __init__(self, settings: BotSettings, sink: JobSink, router: Router) -> None:
        self.settings = settings
        self.storage = Storage(settings.data_dir)
        self.store = SqliteJobStore(settings.data_dir / "queue.sqlite3")
        self.queue = JobQueue(settings.max_queue_size, settings.max_jobs_per_user)
        self.runner, self.records, self.metrics = build(
            settings, self.storage, self.store, sink, router
        )
        self._janitor: asyncio.Task[None] | None = None
        run = gated(self.runner, self.records)  # the quota is checked again at the start
        self.pool = WorkerPool(self.queue, run, settings.max_concurrent_downloads)
        self._admitted: dict[str, DownloadItem] = {}  # being acknowledged, not yet queued
        self._cancelled_early: set[str] = set()

    async def start(self) -> None:
        """Prepare the data directory and take back the jobs a previous run left."""
        self.storage.prepare()
        await resume(self.store.unfinished(), self.queue, self.runner, self.settings.max_attempts)

    def start_workers(self) -> None:
        """Start taking jobs (call once the front end can deliver), and the janitor."""
        self.pool.start()
        running = lambda: {i.id for i in self.queue.running()}  # noqa: E731
        if self._janitor is None:
            self._janitor = asyncio.create_task(janitor(self.records, running, 600))

    async def close(self) -> None:
        """Stop the workers; running jobs are cancelled and stay saved for the next start."""
        for task in filter(None, [self._janitor]):
            task.cancel()
        await self.pool.close()
        self.store.close()

    async def validate(self, text: str, allowed: frozenset[Platform] | None = None) -> CheckedURL:
        """Check a URL a user gave; see ``pipeline.validate``."""
        return await validate(text, allowed, allow_private=self.settings.allow_private_urls)

    def admit(
        self, url: CheckedURL, *, user_id: int, channel_id: int, guild_id: int | None,
        message_id: int | None = None, priority: DownloadPriority = DownloadPriority.NORMAL,
    ) -> DownloadItem:  # fmt: skip
        """Make a job for ``url`` and reserve its place; then ``enqueue`` it, or ``release``.

        Raises:
            RefusedError: Low disk, temp space full, or the guild's daily quota used.
            QueueFullError: No room in the queue.
        """
        if reason := self.records.refusal(guild_id, user_id):
            raise RefusedError(reason)
        self.queue.reserve()
        item = DownloadItem(
            url=url.url, platform=url.platform, user_id=user_id, channel_id=channel_id,
            guild_id=guild_id, message_id=message_id, priority=priority,
        )  # fmt: skip
        self._admitted[item.id] = item
        return item

    async def enqueue(self, item: DownloadItem) -> int:
        """Queue and save an admitted job in its reserved place; returns its position."""
        self._admitted.pop(item.id, None)
        if item.id in self._cancelled_early:  # cancelled while being acknowledged
            self._cancelled_early.discard(item.id)
            self.queue.release()
            await self.runner.tell(item.evolve(status=DownloadStatus.CANCELLED))
            return 0
        position = self.queue.put(item, reserved=True)
        self.store.save(item)
        return position

    def release(self, item: DownloadItem) -> None:
        """Give back the place of an admitted job that will not be queued."""
        self._admitted.pop(item.id, None)
        self.queue.release()

    def position_hint(self) -> int:
        """Position of the job admitted last, counting those being acknowledged."""
        return len(self.queue.waiting()) + self.queue.reserved

    def estimate_wait(self, position: int) -> float:
        """Seconds until the waiting job at ``position`` starts, from recent durations."""
        return self.pool.estimate_wait(position, self.runner.durations)

    async def cancel(self, job_id: str, who: Requester) -> DownloadItem | None:
        """Cancel a waiting or running job ``who`` may cancel; None if there is none."""
        job_id = job_id.strip().lstrip("#").lower()
        item = self.queue.get_item(job_id) or self._admitted.get(job_id)
        if item is None or not who.may_cancel(item):
            return None
        if item.id in self._admitted:
            self._cancelled_early.add(item.id)
            return item
        if self.queue.remove(item.id) is not None:
            await self.runner.tell(item.evolve(status=DownloadStatus.CANCELLED))
        else:
            self.pool.cancel(item.id)
        return item
