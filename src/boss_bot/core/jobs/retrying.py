"""Trying a download again after a transient failure (seed 001 ``DownloadRetryConfig``).

tenacity runs the loop and the exponential waits (by default 1 s, then 2 s, … at most
30 s, 3 tries in all). Only transient failures are tried again (network trouble,
server errors, rate limits); "not found" or "private" will not change in a minute.
Each try starts from an empty job directory.
"""

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from boss_bot.errors import DownloadFailedError
from boss_bot.settings import BotSettings

OnRetry = Callable[[DownloadFailedError, int, float], Awaitable[None]]
"""Told the failure, the number of the try that failed and the seconds until the next."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How many tries a download gets, and how long to wait between them."""

    tries: int = 3
    delay: float = 1.0
    max_delay: float = 30.0

    @classmethod
    def from_settings(cls, settings: BotSettings) -> "RetryPolicy":
        """Build the policy from ``DOWNLOAD_TRIES``, ``RETRY_DELAY``, ``RETRY_MAX_DELAY``."""
        return cls(settings.download_tries, settings.retry_delay, settings.retry_max_delay)


def _transient(exc: BaseException) -> bool:
    return isinstance(exc, DownloadFailedError) and exc.kind.transient


def empty_directory(directory: Path) -> None:
    """Remove everything inside ``directory``: the next try starts from nothing."""
    for path in directory.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


async def with_retries(
    policy: RetryPolicy,
    download: Callable[[], Awaitable[list[Path]]],
    dest: Path,
    on_retry: OnRetry,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> list[Path]:
    """Run ``download`` until it succeeds, fails for good, or runs out of tries.

    ``sleep`` waits between tries (tests pass one that does not wait).

    Raises:
        DownloadFailedError: The last failure; its ``tries`` says how many were made.
    """

    async def before_sleep(state: RetryCallState) -> None:
        failure = state.outcome.exception() if state.outcome else None
        assert isinstance(failure, DownloadFailedError)  # only these are retried
        empty_directory(dest)
        await on_retry(failure, state.attempt_number, state.upcoming_sleep)

    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.tries),
        wait=wait_exponential(multiplier=policy.delay, max=policy.max_delay),
        retry=retry_if_exception(_transient),
        before_sleep=before_sleep,
        sleep=sleep,
        reraise=True,
    )
    try:
        return await retrying(download)
    except DownloadFailedError as exc:
        exc.tries = retrying.statistics.get("attempt_number", 1)
        raise
