"""Taking back, at start-up, the jobs a previous run did not finish."""

from collections.abc import Iterable

from loguru import logger

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.jobs.runner import JobRunner


async def resume(
    saved: Iterable[DownloadItem], queue: JobQueue, runner: JobRunner, max_attempts: int
) -> int:
    """Queue saved jobs again, in their original order.

    Waiting jobs go back as they were (paused ones stay paused). Jobs that were
    running when the previous run ended (a crash, ``kill -9``) are retried, unless they already used
    ``max_attempts``: those end as failed, with a message in their status.

    Returns:
        How many jobs were queued again.
    """
    count = 0
    for item in saved:
        log = logger.bind(job_id=item.id, guild_id=item.guild_id)
        if item.status not in (DownloadStatus.QUEUED, DownloadStatus.PAUSED):  # paused: held
            if item.attempts >= max_attempts:
                log.warning("giving up after {} attempts", item.attempts)
                message = f"I gave up after {item.attempts} attempts; please try again later."
                await runner.tell(item.evolve(status=DownloadStatus.FAILED, error=message))
                continue
            item = item.evolve(status=DownloadStatus.QUEUED)  # noqa: PLW2901
        queue.put(item, force=True)
        count += 1
        log.info("resumed job (attempts so far: {})", item.attempts)
    return count
