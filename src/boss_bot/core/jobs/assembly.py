"""Wiring a download service from the settings: store, queue, runner, records, workers."""

from collections.abc import Sequence

from loguru import logger

from boss_bot.core.cleaning import cleaning_steps
from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.history import History
from boss_bot.core.inline import inline_steps
from boss_bot.core.jobs.admission import Admission, Caps
from boss_bot.core.jobs.budget import DownloadBudget
from boss_bot.core.jobs.details import DetailsBook
from boss_bot.core.jobs.fetching import Fetcher
from boss_bot.core.jobs.hooks import gated, logged
from boss_bot.core.jobs.parts import ServiceParts
from boss_bot.core.jobs.positions import Positions
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.jobs.remote import Remote
from boss_bot.core.jobs.remote_pool import RemotePool
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.jobs.service import DownloadService
from boss_bot.core.jobs.workers import WorkerPool
from boss_bot.core.metrics import Metrics
from boss_bot.core.ports import Finished, JobSink, Router
from boss_bot.core.posters import CardStep
from boss_bot.core.results import BatchStep
from boss_bot.core.server_settings import SettingsStore
from boss_bot.core.storage.job_store import JobStore, SqliteJobStore
from boss_bot.core.storage.paths import Storage
from boss_bot.core.storage.policy import MB, Policy
from boss_bot.core.storage.records import Records
from boss_bot.settings import BotSettings


def after_fitting(settings: BotSettings, fitter: Fitter) -> list[BatchStep]:
    """The steps each job's files go through after fitting, as ``settings`` ask.

    Inline playback first (the cleaner sees its result), cleaning last (nothing adds
    metadata after it). The bot adds the caption card's poster (made without any).
    """
    return [*inline_steps(settings.inline_video, fitter), *cleaning_steps(settings)]


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
    steps = [*after_fitting(settings, fitter), CardStep.from_settings(settings)]  # the poster
    return JobRunner(storage, store, sink, fetcher, fitter=fitter, on_finish=on_finish, steps=steps)


def build_service(
    settings: BotSettings,
    sink: JobSink,
    router: Router,
    metrics: Metrics,
    servers: SettingsStore | None = None,
    *,
    remote: Remote | None = None,
) -> DownloadService:
    """A download service for ``settings``: store, queue, runner, records, workers, admission.

    Every finished job is reported to the records (the daily quota), the history
    (repeated links, ``$stats``) and ``metrics``. ``servers`` gives each server's quota
    and jobs per member (opened here if not given); the service closes it. With
    ``remote`` (the distributed mode) jobs run on its workers, in the queue's order.
    """
    storage = Storage(settings.data_dir, settings.shard_tag)
    servers = servers or SettingsStore(storage.settings_db, settings)
    store = SqliteJobStore(storage.queue_db)
    quota = lambda guild: servers.server(guild).daily_quota_mb * MB  # noqa: E731
    records = Records(storage, Policy.from_settings(settings), quota=quota)
    history, details = History(storage, settings.success_retention_hours), DetailsBook()
    finished = (records.write, history.add, metrics.finished, details.record)
    hooks = tuple(logged(hook) for hook in finished)
    runner = build_runner(settings, storage, store, sink, router, on_finish=hooks)
    queue = JobQueue(settings.max_queue_size, lambda g: servers.server(g).max_jobs_per_user)
    servers.on_change(lambda _guild: queue.wake())
    if remote is None:
        pool = WorkerPool(queue, gated(runner, records), settings.max_concurrent_downloads)
    else:
        run = gated(runner, records, remote.bind(runner))
        pool = RemotePool(queue, run, settings.max_queue_size, remote.slots)
    caps = Caps(
        settings.max_waiting_per_user,
        settings.max_waiting_per_guild,
        lambda guild: servers.server(guild).prefix,
    )
    admission = Admission(queue, records, DownloadBudget(settings.downloads_per_minute), caps)
    positions = Positions(queue.waiting, lambda n: pool.estimate_wait(n, runner.durations), sink)
    queue.on_change = positions.changed
    parts = ServiceParts(
        storage,
        store,
        queue,
        runner,
        records,
        pool,
        admission,
        servers,
        positions,
        history,
        details,
        remote,
    )
    return DownloadService(settings, parts)
