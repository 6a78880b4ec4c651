"""Wiring a download service from the settings: store, queue, runner, records, workers."""

from collections.abc import Sequence

from loguru import logger

from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.jobs.admission import Admission, Caps
from boss_bot.core.jobs.budget import DownloadBudget
from boss_bot.core.jobs.details import DetailsBook
from boss_bot.core.jobs.fetching import Fetcher
from boss_bot.core.jobs.parts import ServiceParts
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.jobs.service import DownloadService
from boss_bot.core.jobs.workers import RunJob, WorkerPool
from boss_bot.core.metrics import Metrics
from boss_bot.core.ports import Finished, JobSink, Router
from boss_bot.core.storage.job_store import JobStore, SqliteJobStore
from boss_bot.core.storage.paths import Storage
from boss_bot.core.storage.policy import Policy
from boss_bot.core.storage.records import Records
from boss_bot.settings import BotSettings


def build_runner(
    settings: BotSettings,
    storage: Storage,
    store: JobStore,
    sink: JobSink,
    router: Router,
    *,
    on_finish: Sequence[Finished] = (),
) -> JobRunner:
    """The runner every job of the service goes through, configured by ``settings``."""
    fetcher = Fetcher.from_settings(settings, router)
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


def build_service(
    settings: BotSettings, sink: JobSink, router: Router, metrics: Metrics
) -> DownloadService:
    """A download service for ``settings``: store, queue, runner, records, workers, admission.

    Every finished job is reported to the records (the daily quota) and to ``metrics``.
    """
    storage = Storage(settings.data_dir)
    store = SqliteJobStore(storage.queue_db)
    records = Records(storage, Policy.from_settings(settings))
    details = DetailsBook()
    hooks = (_logged(records.write), _logged(metrics.finished), _logged(details.record))
    runner = build_runner(settings, storage, store, sink, router, on_finish=hooks)
    queue = JobQueue(settings.max_queue_size, settings.max_jobs_per_user)
    pool = WorkerPool(queue, gated(runner, records), settings.max_concurrent_downloads)
    caps = Caps(
        settings.max_waiting_per_user, settings.max_waiting_per_guild, settings.command_prefix
    )
    admission = Admission(queue, records, DownloadBudget(settings.downloads_per_minute), caps)
    parts = ServiceParts(storage, store, queue, runner, records, pool, admission, details)
    return DownloadService(settings, parts)


def gated(runner: JobRunner, records: Records) -> RunJob:
    """Run a job unless its server's daily quota was used up while it waited."""

    async def run(item: DownloadItem) -> object:
        if item.delivered == 0 and (reason := records.over_quota(item.guild_id, item.user_id)):
            logger.bind(job_id=item.id).info("not started: {}", reason)
            await runner.tell(item.evolve(status=DownloadStatus.FAILED, error=reason))
            return None
        return await runner.run(item)

    return run
