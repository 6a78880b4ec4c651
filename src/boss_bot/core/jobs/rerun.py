"""🔄: a failed job run again on request, as a new job on the same status message.

Not ``retrying`` (the automatic tries within one job): this is a member asking again.
The failed job comes from the store (``FailedJobs``), so 🔄 works after a restart.
"""

from collections.abc import Awaitable, Callable

from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs.access import Requester
from boss_bot.core.jobs.admission import JobRequest
from boss_bot.core.storage.job_store import FailedJobs
from boss_bot.core.urls import check_url

Acknowledge = Callable[[DownloadItem, int, float], Awaitable[int]]
Submit = Callable[[JobRequest, Acknowledge], Awaitable[DownloadItem]]


class Reruns:
    """Runs failed jobs again: once per failure, for their requester or a moderator.

    Args:
        failed: Where failed jobs are kept.
        submit: Admits, acknowledges and queues a job (``DownloadService.submit``).
    """

    def __init__(self, failed: FailedJobs, submit: Submit) -> None:
        self.failed, self.submit = failed, submit
        self._starting: set[int] = set()  # status messages whose 🔄 is being acknowledged

    def get(self, status_message_id: int) -> DownloadItem | None:
        """The failed job this status message shows, unless it is being run again."""
        if status_message_id in self._starting:
            return None
        return self.failed.get(status_message_id)

    async def retry(
        self, status_message_id: int, who: Requester, acknowledge: Acknowledge
    ) -> DownloadItem | None:
        """Queue the failed job(s) of this status message again, each as a new job.

        A message shared by several jobs (several links) may show several failed jobs:
        each one ``who`` may run again is. A failure is forgotten once its new job is
        queued, so it runs again once however many 🔄 arrive; if ``submit`` raises (a
        refusal, a failed acknowledgement), that failure and those after it are kept
        and 🔄 stays usable.

        Returns:
            The last new job; None if the message shows no failed job (any more) or
            ``who`` is neither its requester nor a moderator of its server.

        Raises:
            SlowDownError, QueueFullError, RefusedError: See ``Admission.admit``.
        """
        if status_message_id in self._starting:
            return None
        failures = [f for f in self.failed.all_of(status_message_id) if who.may_cancel(f)]
        item = None
        self._starting.add(status_message_id)
        try:
            for failed in failures:
                where = (failed.user_id, failed.channel_id, failed.guild_id, failed.message_id)
                shared = failed.shared_status
                request = JobRequest(check_url(failed.url), *where, failed.priority, shared)
                item = await self.submit(request, acknowledge)
                self.failed.forget(status_message_id, failed.id)
        finally:
            self._starting.discard(status_message_id)
        return item
