"""The download service's start and stop: take back saved jobs, start workers, close."""

from boss_bot.core.items import DownloadStatus
from boss_bot.core.jobs.controls import JobControls
from boss_bot.core.jobs.parts import ServiceParts
from boss_bot.core.jobs.recovery import resume
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.storage.janitor import janitor
from boss_bot.core.tasks import BackgroundTasks
from boss_bot.settings import BotSettings

JANITOR_SECONDS = 600


class Lifecycle:
    """Starting and stopping ``DownloadService`` (its base: the parts it was given)."""

    settings: BotSettings
    _parts: ServiceParts
    _runner: JobRunner
    _tasks: BackgroundTasks
    _controls: JobControls

    async def start(self) -> None:
        """Prepare the data directory and take back the jobs a previous run left."""
        saved, remote = self._parts.store.unfinished(), self._parts.remote
        held = [item for item in saved if item.status is DownloadStatus.PAUSED]
        self._parts.storage.prepare(keep={item.id for item in held})  # their partial files
        if remote is not None:  # jobs still out on workers are watched, not run again
            await remote.start()
            saved, out = await remote.reconcile(saved)
            for item in out:
                self._parts.pool.adopt(item)
        await resume(saved, self._parts.queue, self._runner, self.settings.max_attempts)
        self._controls.pauses.watch(held)

    def start_workers(self) -> None:
        """Start taking jobs (call once the front end can deliver), and the janitor."""
        self._parts.pool.start()
        if not self._tasks:
            queue = self._parts.queue  # running and paused jobs keep their files
            running = lambda: {i.id for i in (*queue.running(), *queue.waiting())}  # noqa: E731
            work = janitor(self._parts.records, running, JANITOR_SECONDS, self._parts.store.failed)
            self._tasks.spawn(work, name="janitor")

    async def close(self) -> None:
        """Stop the workers; running jobs are cancelled and stay saved for the next start."""
        await self._tasks.close()
        await self._controls.pauses.close()
        await self._parts.pool.close()
        if self._parts.remote is not None:
            await self._parts.remote.close()
        for stores in (self._parts.store, self._parts.servers, self._parts.history):
            stores.close()
