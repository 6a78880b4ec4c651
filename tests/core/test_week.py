"""``summarize``: a week of finished jobs in numbers."""

from boss_bot.core.history import Delivery
from boss_bot.core.history.week import WeekSummary, summarize


def _job(status: str, user: int, platform: str, seconds: float | None, size: int = 0) -> Delivery:
    started = None if seconds is None else 100.0
    end = 100.0 + (seconds or 0)
    return Delivery("j", "7", None, 7, 2, None, user, platform, status, size, started, end)


def test_counts_bytes_tops_and_the_median_of_delivered_jobs() -> None:
    jobs = [
        _job("completed", 1, "twitter", 4, 100),
        _job("completed", 1, "twitter", 10, 50),
        _job("completed", 2, "reddit", 6, 25),
        _job("failed", 3, "generic", 99, 999),  # neither its time nor its bytes count
        _job("cancelled", 1, "twitter", None),
    ]
    week = summarize(jobs, top=2)
    assert week == WeekSummary(
        completed=3,
        failed=1,
        cancelled=1,
        bytes=175,
        platforms=(("twitter", 3), ("reddit", 1)),
        members=((1, 3), (2, 1)),
        median_seconds=6,
    )
    assert week.total == 5


def test_nothing_finished_is_an_empty_summary() -> None:
    assert summarize([]) == WeekSummary()
    assert summarize([]).total == 0
