"""The download service: the one object front ends talk to.

An operation per intent (``submit``, ``cancel``…) and read-only views; never its parts.
"""

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.access import Requester
from boss_bot.core.jobs.admission import JobRequest
from boss_bot.core.jobs.controls import JobControls
from boss_bot.core.jobs.details import JobDetails
from boss_bot.core.jobs.fetching import validate
from boss_bot.core.jobs.lifecycle import Lifecycle
from boss_bot.core.jobs.parts import ServiceParts
from boss_bot.core.jobs.rerun import Acknowledge, Reruns
from boss_bot.core.jobs.views import HealthView, QueueView, health_of, queue_view_of
from boss_bot.core.tasks import BackgroundTasks
from boss_bot.core.urls import CheckedURL, Platform
from boss_bot.settings import BotSettings


class DownloadService(Lifecycle):
    """Validates, queues, persists and runs download jobs; results go to the runner's sink."""

    def __init__(self, settings: BotSettings, parts: ServiceParts) -> None:
        self.settings, self._parts = settings, parts
        self._queue, self._runner, self._admission = parts.queue, parts.runner, parts.admission
        self._tasks, self._reruns = BackgroundTasks(), Reruns(parts.store.failed, self.submit)
        self._controls = JobControls(parts, settings.pause_expiry_minutes)
        self.history = parts.history  # finished jobs: repeated links, ``$stats``

    async def validate(self, text: str, allowed: frozenset[Platform] | None = None) -> CheckedURL:
        """Check a URL a user gave; see ``fetching.validate``."""
        return await validate(text, allowed, allow_private=self.settings.allow_private_urls)

    async def submit(self, request: JobRequest, acknowledge: Acknowledge) -> DownloadItem:
        """Admit, acknowledge and queue one job; nothing is kept if any step fails.

        ``acknowledge(item, position, wait)`` tells the member (sends or edits a message)
        and returns that message's id. If it raises, the job's place and budget are given
        back and the error goes to the caller.

        Raises:
            SlowDownError, QueueFullError, RefusedError: See ``Admission.admit``.
        """
        item = self._admission.admit(request)
        try:
            position = len(self._queue.waiting()) + self._queue.reserved
            ack = await acknowledge(item, position, self.estimate_wait(position))
            item = item.evolve(status_message_id=ack, message_id=item.message_id or ack)
            if item.id not in self._admission.cancelled:
                self._parts.store.save(item)  # a job that cannot be saved is not queued
        except BaseException:
            self._admission.release(item)
            raise
        if self._admission.settle(item):
            self._parts.positions.shown(item.id, position)
            self._queue.put(item, reserved=True)
        else:  # cancelled while being acknowledged
            await self._runner.tell(item.evolve(status=DownloadStatus.CANCELLED))
        return item

    async def cancel(self, job_id: str, who: Requester) -> DownloadItem | None:
        """Cancel a waiting, paused or running job ``who`` may cancel; None if there is none."""
        return await self._controls.cancel(job_id, who)

    async def hold(self, job_id: str, who: Requester, pause: bool) -> DownloadItem | None:
        """Pause (⏸️) or resume (▶️) a job ``who`` may cancel; the job if it changed."""
        return await self._controls.hold(job_id, who, pause)

    async def cancel_all(self, who: Requester) -> list[str]:
        """Cancel every job of ``who``'s guild that ``who`` may cancel; their ids."""
        here = [i.id for i in self.queue_view().jobs if i.guild_id == who.guild_id]
        return [job for job in here if await self.cancel(job, who) is not None]

    def estimate_wait(self, position: int) -> float:
        """Seconds until the waiting job at ``position`` starts, from recent durations."""
        return self._parts.pool.estimate_wait(position, self._runner.durations)

    def queue_view(self) -> QueueView:
        """The queue now: running and waiting jobs, progress, workers."""
        return queue_view_of(self._parts)

    def health(self) -> HealthView:
        """Free disk, temp files, and what start-up found wrong with the saved queue."""
        return health_of(self._parts)

    def details(self, status_message_id: int) -> list[JobDetails]:
        """What is known of the jobs this status message shows, ended or not (ℹ️)."""
        return self._parts.details.of(status_message_id, self.queue_view().jobs)

    def failed_job(self, status_message_id: int) -> DownloadItem | None:
        """The failed job this status message shows, while 🔄 may run it again."""
        return self._reruns.get(status_message_id)

    async def retry(self, message_id: int, who: Requester, ack: Acknowledge) -> DownloadItem | None:
        """Run the failed job of status message ``message_id`` again (🔄); see ``Reruns.retry``."""
        return await self._reruns.retry(message_id, who, ack)
