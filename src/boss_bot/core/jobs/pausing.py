"""Holding jobs (⏸️) and letting them go again (▶️); a job held too long is cancelled.

A waiting job is held where it is: it keeps its place and the others pass it. A running
job is stopped (``WorkerPool.pause``), keeps its partial file and goes back to the queue
held; resumed, its download continues from the bytes it has where the source allows.
"""

import asyncio
from collections.abc import Iterable
from datetime import UTC, datetime

from loguru import logger

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.parts import ServiceParts
from boss_bot.core.tasks import BackgroundTasks

PAUSED = DownloadStatus.PAUSED


def expired(minutes: float) -> str:
    """Why a job held too long ended."""
    shown = f"{minutes:g} minute" + ("" if minutes == 1 else "s")
    return f"paused for over {shown}, so it was cancelled; send the link again."


class Pauses:
    """Pauses and resumes jobs of one queue; ends the ones paused over ``minutes``."""

    def __init__(self, parts: ServiceParts, minutes: float) -> None:
        self._queue, self._pool, self._store = parts.queue, parts.pool, parts.store
        self._storage, self._tell = parts.storage, parts.runner.tell
        self._timers, self.minutes = BackgroundTasks(), minutes

    async def pause(self, item: DownloadItem) -> bool:
        """Hold a waiting job or stop a running one; False if it was neither (or held)."""
        paused = item.evolve(status=PAUSED, paused_at=datetime.now(UTC))
        if item.status is PAUSED:
            return False
        if self._queue.replace(paused):  # waiting: held in place, shown as paused
            await self._tell(paused)
        elif not self._pool.pause(paused):  # running: its task records the pause
            return False
        self.watch([paused])
        return True

    def resume(self, item: DownloadItem) -> DownloadItem | None:
        """Let a held job run again (saved as queued); None if it is not held."""
        resumed = item.evolve(status=DownloadStatus.QUEUED, paused_at=None)
        stopping = self._pool.unpause(resumed)  # ▶️ right after ⏸️: it goes back unpaused
        if not stopping and (item.status is not PAUSED or not self._queue.replace(resumed)):
            return None
        self._store.save(resumed)
        return resumed

    def watch(self, held: Iterable[DownloadItem]) -> None:
        """End each of these held jobs once it has been paused for over ``minutes``."""
        for item in held:
            self._timers.spawn(self._expire(item), name=f"pause-expiry-{item.id}")

    async def _expire(self, item: DownloadItem) -> None:
        since = item.paused_at or datetime.now(UTC)
        while True:
            age = (datetime.now(UTC) - since).total_seconds()
            await asyncio.sleep(max(self.minutes * 60 - age, 0.05))
            current = self._queue.get_item(item.id)
            if current is None or current.paused_at != since:  # ended, resumed (or re-paused)
                if current is None or current not in self._queue.running():
                    return
                continue  # still stopping: it goes back to the queue in a moment
            break
        self._queue.remove(item.id)
        self._storage.cleanup(item.id)
        logger.bind(job_id=item.id).info("paused for over {} minutes: cancelled", self.minutes)
        ended = current.evolve(status=DownloadStatus.CANCELLED, error=expired(self.minutes))
        await self._tell(ended)

    async def close(self) -> None:
        """Stop watching (held jobs stay saved, and are watched again at the next start)."""
        await self._timers.close()
