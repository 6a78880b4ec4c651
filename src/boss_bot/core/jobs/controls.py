"""What members do to their queued and running jobs: cancel (⏹️), pause (⏸️), resume (▶️).

Each is allowed to the job's requester and to the guild's moderators (``Requester``).
"""

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.access import Requester
from boss_bot.core.jobs.parts import ServiceParts
from boss_bot.core.jobs.pausing import Pauses


def _plain(job_id: str) -> str:
    return job_id.strip().lstrip("#").lower()


class JobControls:
    """Cancel, pause and resume jobs of one service."""

    def __init__(self, parts: ServiceParts, pause_minutes: float) -> None:
        self._parts, self._queue, self._admission = parts, parts.queue, parts.admission
        self.pauses = Pauses(parts, pause_minutes)

    async def cancel(self, job_id: str, who: Requester) -> DownloadItem | None:
        """Cancel a waiting, paused or running job ``who`` may cancel; None if there is none."""
        job_id = _plain(job_id)
        item = self._queue.get_item(job_id) or self._admission.pending.get(job_id)
        if item is None or not who.may_cancel(item):
            return None
        if item.id in self._admission.pending:
            self._admission.cancelled.add(item.id)
            return item
        if self._queue.remove(item.id) is not None:
            self._parts.storage.cleanup(item.id)  # a paused job's partial file
            await self._parts.runner.tell(item.evolve(status=DownloadStatus.CANCELLED))
        else:
            self._parts.pool.cancel(item.id)
        return item

    async def hold(self, job_id: str, who: Requester, pause: bool) -> DownloadItem | None:
        """Pause (or resume) a job ``who`` may cancel; the job if it changed, else None."""
        item = self._queue.get_item(_plain(job_id))
        if item is None or not who.may_cancel(item):
            return None
        if pause:
            return item if await self.pauses.pause(item) else None
        return self.pauses.resume(item)
