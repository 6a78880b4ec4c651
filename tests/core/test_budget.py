"""The per-member download budget: a sliding minute, the wait it names, refunds, and off."""

import pytest

from boss_bot.core.jobs.budget import DownloadBudget
from boss_bot.errors import SlowDownError


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_budget_slides_over_one_minute() -> None:
    """Two a minute: the third waits until the first is a minute old; others are not affected."""
    clock = Clock()
    budget = DownloadBudget(2, clock)
    budget.spend(1)
    clock.now += 20
    budget.spend(1)
    with pytest.raises(SlowDownError, match="try again in 40 s") as refused:
        budget.check(1)
    assert refused.value.retry_after == 40
    budget.check(2)
    clock.now += 40
    budget.check(1)


def test_a_refund_gives_the_download_back_and_zero_means_no_limit() -> None:
    """A refunded download does not count; with 0 a minute nothing is ever refused."""
    budget = DownloadBudget(1, Clock())
    budget.spend(1)
    budget.refund(1)
    budget.check(1)
    off = DownloadBudget(0, Clock())
    for _ in range(100):
        off.spend(1)
    off.check(1)
