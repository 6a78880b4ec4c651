"""The download service: the one object the front ends talk to."""

import asyncio

from boss_bot.core.access import Requester
from boss_bot.core.admission import Admission, Caps, JobRequest
from boss_bot.core.assembly import build, gated
from boss_bot.core.budget import DownloadBudget
from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.janitor import janitor
from boss_bot.core.pipeline import Router, validate
from boss_bot.core.queue import JobQueue
from boss_bot.core.recovery import resume
from boss_bot.core.rerun import Acknowledge, Reruns
from boss_bot.core.sink import JobSink
from boss_bot.core.storage import Storage
from boss_bot.core.store import SqliteJobStore
from boss_bot.core.urls import CheckedURL, Platform
from boss_bot.core.workers import WorkerPool
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
        budget = DownloadBudget(settings.downloads_per_minute)
        caps = Caps(
            settings.max_waiting_per_user, settings.max_waiting_per_guild, settings.command_prefix
        )
        self.admission = Admission(self.queue, self.records, budget, caps)
        self.reruns = Reruns(self.store.failed, self.submit)

    async def start(self) -> None:
        """Prepare the data directory and take back the jobs a previous run left."""
        self.storage.prepare()
        await resume(self.store.unfinished(), self.queue, self.runner, self.settings.max_attempts)

    def start_workers(self) -> None:
        """Start taking jobs (call once the front end can deliver), and the janitor."""
        self.pool.start()
        running = lambda: {i.id for i in self.queue.running()}  # noqa: E731
        if self._janitor is None:
            work = janitor(self.records, running, 600, self.store.failed)
            self._janitor = asyncio.create_task(work)

    async def close(self) -> None:
        """Stop the workers; running jobs are cancelled and stay saved for the next start."""
        for task in filter(None, [self._janitor]):
            task.cancel()
        await self.pool.close()
        self.store.close()

    async def validate(self, text: str, allowed: frozenset[Platform] | None = None) -> CheckedURL:
        """Check a URL a user gave; see ``pipeline.validate``."""
        return await validate(text, allowed, allow_private=self.settings.allow_private_urls)

    async def submit(self, request: JobRequest, acknowledge: Acknowledge) -> DownloadItem:
        """Admit, acknowledge and queue one job; nothing is kept if any step fails.

        ``acknowledge(item, position, wait)`` tells the member (sends or edits a message)
        and returns that message's id. If it raises, the job's place and budget are given
        back and the error goes to the caller.

        Raises:
            SlowDownError, QueueFullError, RefusedError: See ``Admission.admit``.
        """
        item = self.admission.admit(request)
        try:
            position = len(self.queue.waiting()) + self.queue.reserved  # those being acknowledged
            ack = await acknowledge(item, position, self.estimate_wait(position))
            item = item.evolve(status_message_id=ack, message_id=item.message_id or ack)
            if item.id not in self.admission.cancelled:
                self.store.save(item)  # a job that cannot be saved is not queued
        except BaseException:
            self.admission.release(item)
            raise
        if self.admission.settle(item):
            self.queue.put(item, reserved=True)
        else:  # cancelled while being acknowledged
            await self.runner.tell(item.evolve(status=DownloadStatus.CANCELLED))
        return item

    def failed_job(self, status_message_id: int) -> DownloadItem | None:
        """The failed job this status message shows, while 🔄 may run it again."""
        return self.reruns.get(status_message_id)

    async def retry(self, message_id: int, who: Requester, ack: Acknowledge) -> DownloadItem | None:
        """Run the failed job of status message ``message_id`` again (🔄); see ``Reruns.retry``."""
        return await self.reruns.retry(message_id, who, ack)

    def estimate_wait(self, position: int) -> float:
        """Seconds until the waiting job at ``position`` starts, from recent durations."""
        return self.pool.estimate_wait(position, self.runner.durations)

    async def cancel(self, job_id: str, who: Requester) -> DownloadItem | None:
        """Cancel a waiting or running job ``who`` may cancel; None if there is none."""
        job_id = job_id.strip().lstrip("#").lower()
        item = self.queue.get_item(job_id) or self.admission.pending.get(job_id)
        if item is None or not who.may_cancel(item):
            return None
        if item.id in self.admission.pending:
            self.admission.cancelled.add(item.id)
            return item
        if self.queue.remove(item.id) is not None:
            await self.runner.tell(item.evolve(status=DownloadStatus.CANCELLED))
        else:
            self.pool.cancel(item.id)
        return item
