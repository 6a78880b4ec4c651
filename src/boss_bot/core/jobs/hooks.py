"""What wraps the job runner: finish hooks that cannot fail a job, and the quota gate."""

from loguru import logger

from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.jobs.workers import RunJob
from boss_bot.core.ports import Finished
from boss_bot.core.storage.records import Records


def logged(hook: Finished) -> Finished:
    """A hook whose failure (a full disk writing a record) is logged, never the job's end."""

    def run(item: DownloadItem, result: DownloadResult | None) -> None:
        try:
            hook(item, result)
        except Exception:
            logger.bind(job_id=item.id).exception("could not record the finished job")

    return run


def gated(runner: JobRunner, records: Records, run_job: RunJob | None = None) -> RunJob:
    """Run a job (with ``run_job``, else ``runner``) unless its server's quota is used up."""
    start = run_job or runner.run

    async def run(item: DownloadItem) -> object:
        if item.delivered == 0 and (reason := records.over_quota(item.guild_id, item.user_id)):
            logger.bind(job_id=item.id).info("not started: {}", reason)
            await runner.tell(item.evolve(status=DownloadStatus.FAILED, error=reason))
            return None
        return await start(item)

    return run
