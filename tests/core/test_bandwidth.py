"""Sharing the download bandwidth: equal parts, capped per job, rebalanced at once."""

from boss_bot.core.bandwidth import Bandwidth

M = 1024 * 1024


def test_two_running_downloads_each_get_half_and_one_alone_gets_all() -> None:
    """Under a 2M total, two downloads get 1M each; when one ends the other is told 2M."""
    bandwidth, told = Bandwidth(total=2 * M), []
    with bandwidth.share() as first:
        first.on_change(told.append)
        assert first.rate == 2 * M
        with bandwidth.share() as second:
            assert (first.rate, second.rate) == (M, M)
            assert bandwidth.running == 2
        assert first.rate == 2 * M
    assert told == [M, 2 * M]
    assert bandwidth.running == 0


def test_the_job_limit_caps_a_share_however_few_run() -> None:
    """A 500K job limit under a 2M total: alone 500K; with five running, 2M / 5 is less."""
    bandwidth = Bandwidth(total=2 * M, per_job=500 * 1024)
    assert bandwidth.allotment(1) == 500 * 1024
    assert bandwidth.allotment(5) == 2 * M // 5
    assert Bandwidth(per_job=M).allotment(10) == M


def test_no_limit_means_no_rate_and_no_news() -> None:
    """Without limits every share is unlimited and its listeners are never called."""
    bandwidth, told = Bandwidth(), []
    with bandwidth.share() as first:
        first.on_change(told.append)
        with bandwidth.share():
            pass
    assert first.rate is None
    assert told == []


def test_speed_adds_up_the_recent_speed_of_each_download() -> None:
    """Two downloads fetching 1M/s and 0.5M/s make 1.5M/s; a stalled one adds nothing."""
    bandwidth = Bandwidth(total=2 * M)
    with bandwidth.share() as fast, bandwidth.share() as slow:
        for second in range(5):
            fast.fetched(second * M, now=100.0 + second)
            slow.fetched(second * M // 2, now=100.0 + second)
        assert abs(bandwidth.speed(now=104.0) - 1.5 * M) < 0.01 * M
        assert bandwidth.speed(now=110.0) == 0.0
