"""saq's Redis queue with two fixes this bot needs, as a subclass (no fork of saq).

* **Why a job stops.** saq keeps an abort's reason in the job's ``error``, but a
  worker's next ``Job.update`` rewrites the whole job and erases it. The gateway also
  writes the reason (⏹️ or ⏸️) under a key of its own (``stop``), read by the worker.
* **A job swept as it starts** (tobymao/saq#277). A worker moves a job into the active
  list, then marks it active a moment later; a sweep in between sees an active job
  whose status still says queued, aborts it and runs it again, even after it finished.
  Here the sweep looks again for ``GRACE`` seconds and spares a job that turned active.
* **Redis away.** saq's worker asks for the next job again at once when asking fails,
  spinning a core while Redis restarts; here a failed ask waits ``AWAY`` seconds first.
"""

import asyncio
from typing import Any

from loguru import logger
from redis.exceptions import RedisError
from saq.job import Job, Status
from saq.queue.redis import RedisQueue

GRACE = 2.0  # seconds a just-dequeued job has to be marked active before a sweep takes it
STOP_TTL = 120  # seconds the reason a job was stopped is kept
AWAY = 1.0  # seconds between a worker's asks for a job while Redis does not answer


class BossQueue(RedisQueue):
    """The queue gateways and workers share."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._spared: set[str] = set()

    def _stop_key(self, job_key: str) -> str:
        return self.namespace(f"boss-bot-stop:{job_key}")

    async def stop(self, job: Job, reason: str) -> None:
        """Record why ``job`` is stopped (⏹️, ⏸️), then abort it."""
        await self.redis.set(self._stop_key(job.key), reason, ex=STOP_TTL)
        await self.abort(job, reason, ttl=3)  # blocks handing it out again for 3 s

    async def stop_reason(self, job_key: str) -> str | None:
        """Why the gateway stopped ``job_key``; None if it did not."""
        raw = await self.redis.get(self._stop_key(job_key))
        return raw.decode() if isinstance(raw, bytes) else None

    async def dequeue(
        self,
        timeout: float = 0.0,  # noqa: ASYNC109 - saq's own signature
        poll_interval: float = 0.0,
    ) -> Job | None:
        """The next job for this worker; while Redis is away, ask at most every ``AWAY`` s."""
        try:
            return await super().dequeue(timeout, poll_interval)
        except (RedisError, OSError) as exc:
            logger.warning("cannot reach the broker: {}", exc)
            await asyncio.sleep(AWAY)
            return None

    async def abort(self, job: Job, error: str, ttl: float = 5) -> None:
        """Abort ``job``, unless a sweep caught it between being taken and marked active."""
        if error == self.swept_error_message and job.status == Status.QUEUED:
            for _ in range(int(GRACE / 0.1)):
                stored = await self.job(job.key)
                if stored is not None and stored.status != Status.QUEUED:
                    if not stored.stuck:
                        self._spared.add(job.id)
                        return
                    break
                await asyncio.sleep(0.1)
        await super().abort(job, error, ttl)

    async def retry(self, job: Job, error: str | None) -> None:
        """Retry ``job``, unless the sweep that asks for it spared it."""
        if error == self.swept_error_message and job.id in self._spared:
            self._spared.discard(job.id)
            return
        await super().retry(job, error)

    async def finish(self, job: Job, status: Status, **kwargs: Any) -> None:
        """Finish ``job``, unless the sweep that asks for it spared it."""
        if kwargs.get("error") == self.swept_error_message and job.id in self._spared:
            self._spared.discard(job.id)
            return
        await super().finish(job, status, **kwargs)


def queue_of(job: Job) -> BossQueue:
    """The queue ``job`` belongs to (always a ``BossQueue`` here)."""
    queue = job.get_queue()
    if not isinstance(queue, BossQueue):
        raise TypeError(f"job {job.key} is not on a boss-bot queue")
    return queue
