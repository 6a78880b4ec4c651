"""Wiring a download service from the settings: store, queue, runner, records, workers."""

from boss_bot.core.history import History
from boss_bot.core.jobs.admission import Admission, Caps
from boss_bot.core.jobs.budget import DownloadBudget
from boss_bot.core.jobs.details import DetailsBook
from boss_bot.core.jobs.hooks import gated, logged
from boss_bot.core.jobs.parts import ServiceParts
from boss_bot.core.jobs.pipeline import after_fitting, build_runner
from boss_bot.core.jobs.positions import Positions
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.jobs.remote import Remote
from boss_bot.core.jobs.remote_pool import RemotePool
from boss_bot.core.jobs.service import DownloadService
from boss_bot.core.jobs.subtitles import SubtitlesFor, no_subtitles
from boss_bot.core.jobs.workers import WorkerPool
from boss_bot.core.metrics import Metrics
from boss_bot.core.ports import Finished, JobSink, Router
from boss_bot.core.server_settings import SettingsStore
from boss_bot.core.storage.job_store import SqliteJobStore
from boss_bot.core.storage.paths import Storage
from boss_bot.core.storage.policy import MB, Policy
from boss_bot.core.storage.records import Records
from boss_bot.settings import BotSettings

__all__ = ["after_fitting", "build_runner", "build_service"]


def build_service(
    settings: BotSettings,
    sink: JobSink,
    router: Router,
    metrics: Metrics,
    servers: SettingsStore | None = None,
    *,
    remote: Remote | None = None,
    subtitles: SubtitlesFor = no_subtitles,
    indexer: Finished | None = None,
) -> DownloadService:
    """A download service for ``settings``: store, queue, runner, records, workers, admission.

    Every finished job is reported to the records (the daily quota), the history
    (repeated links, ``$stats``) and ``metrics``. ``servers`` gives each server's quota
    and jobs per member (opened here if not given); the service closes it. With
    ``remote`` (the distributed mode) jobs run on its workers, in the queue's order;
    ``subtitles`` is asked per job there too, and the answer goes with the job.
    ``indexer`` is told of every finished job too (search: ``core.search``).
    """
    storage = Storage(settings.data_dir, settings.shard_tag)
    servers = servers or SettingsStore(storage.settings_db, settings)
    store = SqliteJobStore(storage.queue_db)
    quota = lambda guild: servers.server(guild).daily_quota_mb * MB  # noqa: E731
    records = Records(storage, Policy.from_settings(settings), quota=quota)
    history, details = History(storage, settings.success_retention_hours), DetailsBook()
    finished = (records.write, history.add, metrics.finished, details.record)
    finished += (indexer,) if indexer else ()
    hooks = tuple(logged(hook) for hook in finished)
    runner = build_runner(
        settings, storage, store, sink, router, on_finish=hooks, subtitles=subtitles
    )
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
