"""Handing a job to saq, and taking it back (⏹️, ⏸️).

A job's saq key is its id, so a job is never in saq twice; a job handed out again
(▶️ after ⏸️) replaces its old, finished record.
"""

import asyncio
import contextlib
from typing import Any

from loguru import logger
from saq.job import TERMINAL_STATUSES, Job

from boss_bot.core.items import DownloadItem
from boss_bot.distributed.broker import FUNCTION
from boss_bot.distributed.queueing import BossQueue
from boss_bot.distributed.state import encode_item

RETRY_SECONDS = 1.0  # between tries to reach Redis, or to replace a just-aborted record
ABORT_WAIT = 10.0  # seconds to wait for a worker to stop a job it was told to stop
ABORT_AGAIN = 2.0  # seconds after which an abort is sent again (a worker's write can erase it)


class Handing:
    """Puts jobs into saq and takes them out."""

    def __init__(self, queue: BossQueue, options: dict[str, Any]) -> None:
        self.queue, self.options = queue, options

    async def hand(
        self, item: DownloadItem, limit: int, ping: int | None, subtitles: tuple[str, ...] = ()
    ) -> None:
        """Put ``item`` in saq (it runs when a worker takes it); waits while Redis is away.

        ``subtitles`` (the languages the job fetches for search) go with it.
        """
        kwargs = {"item": encode_item(item), "limit": limit, "ping": ping}
        kwargs["subtitles"] = list(subtitles)
        warned = False
        while True:
            try:
                job = Job(FUNCTION, kwargs=kwargs, key=item.id, **self.options)
                if await self.queue.enqueue(job) is not None:
                    return
                held = await self.queue.job(item.id)
                if held is not None and held.status not in TERMINAL_STATUSES:
                    return  # already out (handed just before a restart)
            except Exception as exc:
                if not warned:
                    logger.bind(job_id=item.id).warning("cannot reach the broker: {}", exc)
                warned = True
            await asyncio.sleep(RETRY_SECONDS)  # its last abort's marker lasts a few seconds

    async def take_back(self, job_id: str, reason: str) -> None:
        """Abort ``job_id`` with ``reason`` and wait (bounded) until its worker stopped it.

        saq writes a job whole, so a worker's write landing with the abort can undo it:
        the abort is sent again every ``ABORT_AGAIN`` seconds until the job has stopped.
        """
        log = logger.bind(job_id=job_id)
        try:
            for _ in range(int(ABORT_WAIT / ABORT_AGAIN)):
                job = await self.queue.job(job_id)
                if job is None or job.status in TERMINAL_STATUSES:
                    return
                await self.queue.stop(job, reason)
                with contextlib.suppress(TimeoutError):
                    await job.refresh(until_complete=ABORT_AGAIN)
            log.warning("its worker did not stop the job within {} s", ABORT_WAIT)
        except Exception as exc:
            log.warning("could not take the job back from its worker: {}", exc)
