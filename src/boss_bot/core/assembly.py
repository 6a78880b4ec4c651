"""Wiring a job runner from settings: downloaders, retries, fitting, records, metrics."""

from collections.abc import Sequence

from loguru import logger

from boss_bot.core.fitting import Fitter
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.jobs import JobRunner
from boss_bot.core.metrics import Metrics
from boss_bot.core.pipeline import Fetcher, Router
from boss_bot.core.records import Policy, Records
from boss_bot.core.retrying import RetryPolicy
from boss_bot.core.sink import Finished, JobSink
from boss_bot.core.storage import Storage
from boss_bot.core.store import JobStore
from boss_bot.core.workers import RunJob
from boss_bot.downloaders.base import limits_from
from boss_bot.settings import BotSettings


def build_runner(
    settings: BotSettings, storage: Storage, store: JobStore, sink: JobSink, router: Router, *,
    on_finish: Sequence[Finished] = (),
) -> JobRunner:  # fmt: skip
    """The runner every job of the service goes through, configured by ``settings``."""
    fetcher = Fetcher(router, limits_from(settings), RetryPolicy.from_settings(settings))
    fitter = Fitter.from_settings(settings)
    if not fitter.tools.available:
        logger.warning("ffmpeg/ffprobe not found: files over the upload limit won't be shrunk")
    return JobRunner(storage, store, sink, fetcher, fitter=fitter, on_finish=on_finish)


def _logged(hook: Finished) -> Finished:
    """A hook whose failure (a full disk writing a record) is logged, never the job's end."""

    def run(item: DownloadItem, result: DownloadResult | None) -> None:
        try:
            hook(item, result)
        except Exception:
            logger.bind(job_id=item.id).exception("could not record the finished job")

    return run


def build(
    settings: BotSettings, storage: Storage, store: JobStore, sink: JobSink, router: Router
) -> tuple[JobRunner, Records, Metrics]:
    """The runner, and the records and metrics every finished job is reported to."""
    records, metrics = Records(storage, Policy.from_settings(settings)), Metrics()
    hooks = (_logged(records.write), _logged(metrics.finished))
    return build_runner(settings, storage, store, sink, router, on_finish=hooks), records, metrics


def gated(runner: JobRunner, records: Records) -> RunJob:
    """Run a job unless its server's daily quota was used up while it waited."""

    async def run(item: DownloadItem) -> object:
        if item.delivered == 0 and (reason := records.over_quota(item.guild_id, item.user_id)):
            logger.bind(job_id=item.id).info("not started: {}", reason)
            await runner.tell(item.evolve(status=DownloadStatus.FAILED, error=reason))
            return None
        return await runner.run(item)

    return run
