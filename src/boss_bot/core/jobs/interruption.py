"""What a job records when its task is cancelled: a cancel ends it, a shutdown pauses it.

``WorkerPool.close`` cancels with the ``SHUTDOWN`` message: the job goes back to
"queued" and resumes at the next start. Any other cancel (⏹️, ``$dlc``) ends it as
cancelled. Both are saved and shown shielded, so the record survives the cancel.
"""

import asyncio
from collections.abc import Awaitable, Callable

from loguru import logger

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.workers import SHUTDOWN
from boss_bot.errors import DownloadFailedError, FailureKind

Tell = Callable[[DownloadItem], Awaitable[None]]


async def record_interruption(item: DownloadItem, exc: asyncio.CancelledError, tell: Tell) -> None:
    """Save and show how ``item`` was interrupted (nothing if it had already finished)."""
    log = logger.bind(job_id=item.id, guild_id=item.guild_id, user_id=item.user_id)
    if item.status.finished:  # delivered: only the final message was being shown
        return
    if SHUTDOWN in exc.args:
        log.info("job paused by shutdown; it resumes at the next start")
        uploading = item.status is DownloadStatus.UPLOADING  # then check the channel
        tries = item.attempts if uploading else item.attempts - 1
        await asyncio.shield(tell(item.evolve(status=DownloadStatus.QUEUED, attempts=tries)))
    else:
        log.info("job cancelled")
        error = DownloadFailedError(FailureKind.CANCELLED).user_message()
        await asyncio.shield(tell(item.evolve(status=DownloadStatus.CANCELLED, error=error)))
