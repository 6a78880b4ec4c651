"""The download service: the one object the front ends talk to."""

from dataclasses import dataclass

from boss_bot.core.items import DownloadItem, DownloadPriority, DownloadStatus
from boss_bot.core.jobs import JobRunner
from boss_bot.core.pipeline import Router, validate
from boss_bot.core.queue import JobQueue
from boss_bot.core.recovery import resume
from boss_bot.core.sink import JobSink
from boss_bot.core.storage import Storage
from boss_bot.core.store import SqliteJobStore
from boss_bot.core.urls import CheckedURL, Platform
from boss_bot.core.workers import WorkerPool
from boss_bot.downloaders.base import limits_from
from boss_bot.settings import BotSettings

DEFAULT_JOB_SECONDS = 30.0  # until jobs have run, a guess for wait estimates


@dataclass(frozen=True, slots=True)
class Requester:
    """Who asks to cancel: their id, guild, and whether they may manage others' jobs."""

    user_id: int
    guild_id: int | None
    moderator: bool = False

    def may_cancel(self, item: DownloadItem) -> bool:
        """Own jobs always; any job of the same guild for moderators."""
        same_guild = item.guild_id is not None and item.guild_id == self.guild_id
        return item.user_id == self.user_id or (self.moderator and same_guild)


class DownloadService:
    """Validates, queues, persists and runs download jobs; results go to a ``JobSink``."""

    def __init__(self, settings: BotSettings, sink: JobSink, router: Router) -> None:
        self.settings = settings
        self.storage = Storage(settings.data_dir)
        self.store = SqliteJobStore(settings.data_dir / "queue.sqlite3")
        self.queue = JobQueue(settings.max_queue_size, settings.max_jobs_per_user)
        runner = JobRunner(self.storage, self.store, sink, router, limits_from(settings))
        self.runner = runner
        self.pool = WorkerPool(self.queue, runner.run, settings.max_concurrent_downloads)

    async def start(self) -> None:
        """Prepare the data directory and take back the jobs a previous run left."""
        self.storage.prepare()
        await resume(self.store.unfinished(), self.queue, self.runner, self.settings.max_attempts)

    def start_workers(self) -> None:
        """Start taking jobs (call once the front end can deliver)."""
        self.pool.start()

    async def close(self) -> None:
        """Stop the workers; running jobs are cancelled and stay saved for the next start."""
        await self.pool.close()
        self.store.close()

    async def validate(self, text: str, allowed: frozenset[Platform] | None = None) -> CheckedURL:
        """Check a URL a user gave; see ``pipeline.validate``."""
        return await validate(text, allowed, allow_private=self.settings.allow_private_urls)

    def admit(
        self, url: CheckedURL, *, user_id: int, channel_id: int, guild_id: int | None,
        message_id: int | None = None, priority: DownloadPriority = DownloadPriority.NORMAL,
    ) -> DownloadItem:  # fmt: skip
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
        """Queue and save an admitted job; returns its position among waiting jobs."""
        position = self.queue.put(item)
        self.store.save(item)
        return position

    def position_hint(self) -> int:
        """Position a job admitted now would get (for the acknowledgement)."""
        return len(self.queue.waiting()) + 1

    def estimate_wait(self, position: int) -> float:
        """Seconds until the job at ``position`` starts, from recent job durations."""
        recent = self.runner.durations
        average = sum(recent) / len(recent) if recent else DEFAULT_JOB_SECONDS
        busy = self.pool.busy >= self.pool.size
        rounds = (position - 1) // self.pool.size + (1 if busy else 0)
        return rounds * average

    async def cancel(self, job_id: str, who: Requester) -> DownloadItem | None:
        """Cancel a waiting or running job ``who`` may cancel; None if there is none."""
        item = self.queue.get_item(job_id.strip().lstrip("#").lower())
        if item is None or not who.may_cancel(item):
            return None
        if self.queue.remove(item.id) is not None:
            await self.runner.tell(item.evolve(status=DownloadStatus.CANCELLED))
        else:
            self.pool.cancel(item.id)
        return item
