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
        """Queue the failed job of this status message again, as a new job.

        The failure is forgotten once the new job is queued, so one failure is run
        again once however many 🔄 arrive; if ``submit`` raises (a refusal, a failed
        acknowledgement), the failure is kept and 🔄 stays usable.

        Returns:
            The new job; None if the message shows no failed job (any more) or ``who``
            is neither its requester nor a moderator of its server.

        Raises:
            SlowDownError, QueueFullError, RefusedError: See ``Admission.admit``.
        """
        failed = self.get(status_message_id)
        if failed is None or not who.may_cancel(failed):
            return None
        where = (failed.user_id, failed.channel_id, failed.guild_id, failed.message_id)
        request = JobRequest(
            check_url(failed.url), *where, failed.priority, shared_status=failed.shared_status
        )
        self._starting.add(status_message_id)
        try:
            item = await self.submit(request, acknowledge)
        finally:
            self._starting.discard(status_message_id)
        self.failed.forget(status_message_id)
        return item
