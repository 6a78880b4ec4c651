"""Transient failures are tried again with exponential backoff; permanent ones are not."""

import asyncio
from pathlib import Path

import pytest

from boss_bot.core.jobs.retrying import RetryPolicy, with_retries
from boss_bot.errors import DownloadFailedError
from boss_bot.errors.kinds import FailureKind as K


class Flaky:
    """Fails with ``kind`` the first ``times`` calls, leaving a partial file each time."""

    def __init__(self, dest: Path, kind: K, times: int) -> None:
        self.dest, self.kind, self.times, self.calls = dest, kind, times, 0
        self.seen: list[list[str]] = []

    async def __call__(self) -> list[Path]:
        self.calls += 1
        self.seen.append(sorted(p.name for p in self.dest.iterdir()))
        if self.calls <= self.times:
            (self.dest / f"try{self.calls}.part").write_bytes(b"half")
            raise DownloadFailedError(self.kind, f"try {self.calls}")
        done = self.dest / "clip.mp4"
        done.write_bytes(b"media")
        return [done]


async def _run(tmp_path: Path, flaky: Flaky, policy: RetryPolicy) -> tuple[list, list]:
    told, slept = [], []

    async def on_retry(failure: DownloadFailedError, tried: int, delay: float) -> None:
        told.append((failure.kind, tried, delay))

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    files = await with_retries(policy, flaky, tmp_path, on_retry, sleep=sleep)
    assert [f.name for f in files] == ["clip.mp4"]
    return told, slept


async def test_network_failures_are_retried_from_a_clean_directory(tmp_path: Path) -> None:
    """Two network failures, then success: each retry is told, and starts empty."""
    flaky = Flaky(tmp_path, K.NETWORK, times=2)
    told, slept = await _run(tmp_path, flaky, RetryPolicy())
    assert told == [(K.NETWORK, 1, 1.0), (K.NETWORK, 2, 2.0)]
    assert slept == [1.0, 2.0]
    assert flaky.seen == [[], [], []]


async def test_the_wait_doubles_up_to_the_cap(tmp_path: Path) -> None:
    """1 s, 2 s, 4 s, … never more than the maximum (seed 001 ``DownloadRetryConfig``)."""
    flaky = Flaky(tmp_path, K.SERVER_ERROR, times=6)
    _, slept = await _run(tmp_path, flaky, RetryPolicy(tries=7, delay=1.0, max_delay=10.0))
    assert slept == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0]


@pytest.mark.parametrize("kind", [K.NOT_FOUND, K.PRIVATE, K.TOO_LARGE, K.TIMEOUT])
async def test_permanent_failures_are_not_retried(tmp_path: Path, kind: K) -> None:
    """A 404 will still be a 404 in a second: one try, and the message says nothing of tries."""
    flaky = Flaky(tmp_path, kind, times=1)
    with pytest.raises(DownloadFailedError) as failure:
        await _run(tmp_path, flaky, RetryPolicy())
    assert flaky.calls == 1
    assert failure.value.tries == 1
    assert "Tried" not in failure.value.user_message()


async def test_giving_up_says_how_many_tries(tmp_path: Path) -> None:
    """After the last try the failure is raised, counting the tries."""
    flaky = Flaky(tmp_path, K.RATE_LIMITED, times=5)
    with pytest.raises(DownloadFailedError) as failure:
        await _run(tmp_path, flaky, RetryPolicy(tries=3))
    assert flaky.calls == 3
    assert failure.value.user_message().endswith("(Tried 3 times.)")


async def test_a_cancel_during_the_wait_stops_at_once(tmp_path: Path) -> None:
    """⏹️ while waiting to try again: no further try."""
    flaky = Flaky(tmp_path, K.NETWORK, times=5)
    task = asyncio.create_task(
        with_retries(RetryPolicy(delay=30), flaky, tmp_path, lambda *a: asyncio.sleep(0))
    )
    while flaky.calls < 1:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert flaky.calls == 1
