"""Value objects shared by the queue, the workers and the front ends."""

import secrets
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import IntEnum, StrEnum

from boss_bot.core.results import DownloadResult
from boss_bot.core.urls import Platform

__all__ = [  # DownloadResult lived here before ``core.results``
    "DownloadItem",
    "DownloadPriority",
    "DownloadResult",
    "DownloadStatus",
    "ProgressEvent",
    "new_job_id",
]


class DownloadStatus(StrEnum):
    """Where a job is in its life."""

    @property
    def finished(self) -> bool:
        """True for completed, failed and cancelled jobs."""
        return self in (DownloadStatus.COMPLETED, DownloadStatus.FAILED, DownloadStatus.CANCELLED)

    QUEUED = "queued"
    DOWNLOADING = "downloading"
    PROCESSING = "processing"
    CONVERTING = "converting"  # made into a format Discord plays inline (``core.inline``)
    UPLOADING = "uploading"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    PAUSED = "paused"  # held (⏸️): skipped by the queue until resumed; its partial file kept


class DownloadPriority(IntEnum):
    """Priority levels; higher runs first."""

    LOW = 0
    NORMAL = 1
    HIGH = 2


def new_job_id() -> str:
    """Return a short random job id (six hex digits), as users type it in ``$dlc``."""
    return secrets.token_hex(3)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class DownloadItem:
    """One accepted download request.

    Attributes:
        url: The validated URL.
        platform: Which kind of site it is; picks the downloader.
        user_id: Who asked.
        guild_id: Where (None in a DM).
        channel_id: The channel to answer in.
        message_id: The request message, which the answer replies to.
        status_message_id: The bot's status message for this job, once sent.
        attempts: How many times a worker started this job.
        delivered: How many files were already posted (survives restarts).
        shared_status: The status message shows several jobs, one line each.
        files_message_id: The first reply that carried files (a repeat links to it).
        paused_at: When it was paused (⏸️), while it is.
    """

    url: str
    platform: Platform
    user_id: int
    channel_id: int
    guild_id: int | None = None
    message_id: int | None = None
    status_message_id: int | None = None
    priority: DownloadPriority = DownloadPriority.NORMAL
    id: str = field(default_factory=new_job_id)
    status: DownloadStatus = DownloadStatus.QUEUED
    created_at: datetime = field(default_factory=_now)
    started_at: datetime | None = None
    completed_at: datetime | None = None
    attempts: int = 0
    delivered: int = 0
    error: str | None = None
    shared_status: bool = False
    files_message_id: int | None = None
    paused_at: datetime | None = None

    def evolve(self, **changes: object) -> "DownloadItem":
        """Return a copy with ``changes`` applied."""
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class ProgressEvent:
    """A progress report from a running download.

    Attributes:
        downloaded: Bytes written so far.
        total: Expected bytes, when the source says.
        speed: Bytes per second, averaged by the reporter.
    """

    downloaded: int
    total: int | None = None
    speed: float | None = None
