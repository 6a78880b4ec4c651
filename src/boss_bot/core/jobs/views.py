"""Read-only views of the service for the front ends: the queue now, health, start-up trouble.

Front ends show these; they never reach into the queue, the workers or the store.
"""

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field

from boss_bot.core.items import DownloadItem, ProgressEvent
from boss_bot.core.jobs.parts import ServiceParts
from boss_bot.core.storage.disk import tree_usage


@dataclass(frozen=True, slots=True)
class QueueView:
    """The queue at one moment.

    Attributes:
        running: Running jobs, oldest first.
        waiting: Waiting jobs in the order they are expected to start.
        progress: The latest progress report of running jobs, by job id.
        workers: How many jobs run at once.
        busy: How many workers are running a job.
        capacity: How many jobs may be accepted at once (running and waiting).
        connected: Remote workers connected (distributed mode); None in one process.
    """

    running: tuple[DownloadItem, ...]
    waiting: tuple[DownloadItem, ...]
    progress: Mapping[str, ProgressEvent] = field(default_factory=dict)
    workers: int = 1
    busy: int = 0
    capacity: int = 0
    connected: int | None = None

    @property
    def jobs(self) -> tuple[DownloadItem, ...]:
        """Running, then waiting jobs."""
        return self.running + self.waiting

    def __len__(self) -> int:
        return len(self.running) + len(self.waiting)

    def where(self, guild_id: int | None, user_id: int) -> "QueueView":
        """Only one guild's jobs; in DMs (``guild_id`` None) only ``user_id``'s own."""

        def visible(item: DownloadItem) -> bool:
            return item.user_id == user_id if guild_id is None else item.guild_id == guild_id

        running = tuple(i for i in self.running if visible(i))
        waiting = tuple(i for i in self.waiting if visible(i))
        return QueueView(
            running, waiting, self.progress, self.workers, self.busy, self.capacity, self.connected
        )

    def count_of(self, user_id: int) -> tuple[int, int]:
        """How many jobs ``user_id`` has running and waiting."""
        running = sum(1 for i in self.running if i.user_id == user_id)
        return running, sum(1 for i in self.waiting if i.user_id == user_id)

    def with_status_message(self, message_id: int) -> DownloadItem | None:
        """The running or waiting job whose status message is ``message_id``."""
        return next((i for i in self.jobs if i.status_message_id == message_id), None)


@dataclass(frozen=True, slots=True)
class HealthView:
    """What ``$health`` and ``/health`` report beyond the gateway.

    Attributes:
        disk_free: Free bytes on the data directory's disk.
        disk_ok: Whether that is above ``MIN_FREE_MB``.
        damaged_copy: The name a damaged queue file was moved aside to at start-up.
        skipped_jobs: Saved jobs that could not be read at start-up.
        temp_files: Files running jobs hold in the temp tree.
        download_rate: Bytes per second the running downloads fetch now, measured.
        total_rate_limit: ``TOTAL_RATE_LIMIT`` (``None``: unlimited).
        job_rate_limit: ``JOB_RATE_LIMIT`` (``None``: unlimited).
        disk_size: Size in bytes of the data directory's disk.
    """

    disk_free: int
    disk_ok: bool
    temp_files: int = 0
    damaged_copy: str | None = None
    skipped_jobs: int = 0
    download_rate: float = 0.0
    total_rate_limit: int | None = None
    job_rate_limit: int | None = None
    disk_size: int = 0


def queue_view_of(parts: ServiceParts) -> QueueView:
    """The queue of a service's parts, now."""
    queue, pool, progress = parts.queue, parts.pool, dict(parts.runner.progress)
    running, waiting = tuple(queue.running()), tuple(queue.waiting())
    connected = parts.remote.slots.connected if parts.remote is not None else None
    workers, busy = pool.capacity, pool.busy
    return QueueView(running, waiting, progress, workers, busy, queue.max_size, connected)


def health_of(parts: ServiceParts) -> HealthView:
    """Free disk, temp files, start-up trouble and download speed of a service's parts, now."""
    disk, store = shutil.disk_usage(parts.storage.root), parts.store
    damaged = store.damage.moved_to.name if store.damage else None
    temp_files = tree_usage(parts.storage.temp)[1]
    bandwidth = parts.runner.fetcher.limits.bandwidth
    free, size = disk.free, disk.total
    ok = free >= parts.records.policy.min_free
    rate, total, per_job = bandwidth.speed(), bandwidth.total, bandwidth.per_job
    return HealthView(free, ok, temp_files, damaged, store.skipped, rate, total, per_job, size)
