"""What a download service is made of; ``assembly.build_service`` puts them together."""

from dataclasses import dataclass, field

from boss_bot.core.history import History
from boss_bot.core.jobs.admission import Admission
from boss_bot.core.jobs.details import DetailsBook
from boss_bot.core.jobs.positions import Positions
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.jobs.remote import Remote
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.jobs.workers import WorkerPool
from boss_bot.core.server_settings import SettingsStore
from boss_bot.core.storage.job_store import SqliteJobStore
from boss_bot.core.storage.paths import Storage
from boss_bot.core.storage.records import Records


@dataclass(frozen=True, slots=True)
class ServiceParts:
    """What a service is made of (built by ``assembly.build_service``)."""

    storage: Storage
    store: SqliteJobStore
    queue: JobQueue
    runner: JobRunner
    records: Records
    pool: WorkerPool
    admission: Admission
    servers: SettingsStore
    positions: Positions
    history: History
    details: DetailsBook = field(default_factory=DetailsBook)  # for ℹ️
    remote: Remote | None = None  # the distributed mode's workers
