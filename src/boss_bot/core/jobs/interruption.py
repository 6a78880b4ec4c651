"""What a job records when its task is cancelled: a cancel ends it, a shutdown pauses it.

``WorkerPool.close`` cancels with the ``SHUTDOWN`` message: the job goes back to
"queued" and resumes at the next start. ``WorkerPool.pause`` (⏸️) cancels with ``PAUSE``:
the job is held ("paused") until resumed. Any other cancel (⏹️, ``$dlc``) ends it as
cancelled. Both are saved and shown shielded, so the record survives the cancel.
"""

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from loguru import logger

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.workers import PAUSE, SHUTDOWN
from boss_bot.errors import DownloadFailedError, FailureKind

QUEUED = DownloadStatus.QUEUED

Tell = Callable[[DownloadItem], Awaitable[None]]


async def record_interruption(item: DownloadItem, exc: asyncio.CancelledError, tell: Tell) -> None:
    """Save and show how ``item`` was interrupted (nothing if it had already finished)."""
    log = logger.bind(job_id=item.id, guild_id=item.guild_id, user_id=item.user_id)
    if item.status.finished:  # delivered: only the final message was being shown
        return
    if SHUTDOWN in exc.args or PAUSE in exc.args:
        held = PAUSE in exc.args
        log.info("job paused {}", "by a member" if held else "by shutdown; resumes at next start")
        uploading = item.status is DownloadStatus.UPLOADING  # then check the channel
        tries = item.attempts if uploading else item.attempts - 1
        status, since = (DownloadStatus.PAUSED, datetime.now(UTC)) if held else (QUEUED, None)
        paused = item.evolve(status=status, attempts=tries, paused_at=since)
        await asyncio.shield(tell(paused))
    else:
        log.info("job cancelled")
        error = DownloadFailedError(FailureKind.CANCELLED).user_message()
        await asyncio.shield(tell(item.evolve(status=DownloadStatus.CANCELLED, error=error)))
