"""Durable job state: a small interface, and its SQLite implementation (WAL).

Every status change of a job is written before the job moves on, so after a clean
stop, a crash or ``kill -9`` the unfinished jobs are known. A damaged database never
stops the bot from starting: it is moved aside (``_damage``) and a bad row is skipped
(``_sqlite``). Failed jobs are kept for 🔄 until their record expires (``_failed``).
A Redis store can implement the same ``JobStore`` protocol later.
"""

from boss_bot.core.storage.job_store._codec import from_json, to_json
from boss_bot.core.storage.job_store._damage import (
    DAMAGED_MARK,
    DamagedError,
    StoreDamage,
    check,
    damaged_copies,
)
from boss_bot.core.storage.job_store._failed import FailedJobs
from boss_bot.core.storage.job_store._protocol import JobStore
from boss_bot.core.storage.job_store._sqlite import SqliteJobStore
from boss_bot.core.storage.job_store._tolerant import TolerantStore

__all__ = [
    "DAMAGED_MARK",
    "DamagedError",
    "FailedJobs",
    "JobStore",
    "SqliteJobStore",
    "StoreDamage",
    "TolerantStore",
    "check",
    "damaged_copies",
    "from_json",
    "to_json",
]
