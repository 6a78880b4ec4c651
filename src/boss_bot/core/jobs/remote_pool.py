"""The worker pool of the distributed mode: jobs start when a remote worker has room."""

from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.jobs.remote import Slots
from boss_bot.core.jobs.workers import RunJob, WorkerPool


class RemotePool(WorkerPool):
    """Takes jobs in the queue's fair order, each once the workers have room for it.

    Its tasks only watch jobs that run elsewhere, so there are as many as jobs may be
    accepted (``size``); ``slots`` decides how many run at once. Redis never holds more
    jobs than workers can start, so the order stays the queue's.
    """

    def __init__(self, queue: JobQueue, run_job: RunJob, size: int, slots: Slots) -> None:
        super().__init__(queue, self._claiming(run_job), size)
        self.slots = slots

    def _claiming(self, run_job: RunJob) -> RunJob:
        async def run(item: DownloadItem) -> object:
            self.slots.claim(item.id)
            try:
                return await run_job(item)
            finally:
                self.slots.free(item.id)

        return run

    @property
    def capacity(self) -> int:
        """How many jobs the connected workers run at once."""
        return self.slots.size

    async def _next(self) -> DownloadItem:
        await self.slots.acquire()
        return await self.queue.get()
