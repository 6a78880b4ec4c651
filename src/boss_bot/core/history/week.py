"""A week of finished jobs summed up for ``$stats``: counts, bytes, platforms, members, time."""

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from boss_bot.core.history import Delivery


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """The jobs of a week in one server (in DMs: one member's).

    Attributes:
        completed: Jobs whose files were delivered.
        failed: Jobs that ended with an error.
        cancelled: Jobs stopped by a member.
        bytes: Bytes delivered.
        platforms: The platforms with most jobs, most first, with their counts.
        members: The members with most jobs, most first, with their counts.
        median_seconds: The median time a delivered job ran (start to end), if any.
    """

    completed: int = 0
    failed: int = 0
    cancelled: int = 0
    bytes: int = 0
    platforms: tuple[tuple[str, int], ...] = ()
    members: tuple[tuple[int, int], ...] = ()
    median_seconds: float | None = None

    @property
    def total(self) -> int:
        """Every job counted."""
        return self.completed + self.failed + self.cancelled


def summarize(jobs: Sequence[Delivery], top: int = 3) -> WeekSummary:
    """Sum ``jobs`` up; ``top`` platforms and members are kept (ties: first seen first)."""
    status = Counter(job.status for job in jobs)
    done = [job for job in jobs if job.status == "completed"]
    times = [job.finished_at - job.started_at for job in done if job.started_at is not None]
    return WeekSummary(
        completed=status["completed"],
        failed=status["failed"],
        cancelled=status["cancelled"],
        bytes=sum(job.bytes for job in done),
        platforms=tuple(Counter(job.platform for job in jobs).most_common(top)),
        members=tuple(Counter(job.user_id for job in jobs).most_common(top)),
        median_seconds=statistics.median(times) if times else None,
    )
