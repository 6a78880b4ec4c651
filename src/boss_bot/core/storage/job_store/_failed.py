"""Failed jobs kept for 🔄, by status message, in the same file as the queue.

🔄 on a failed job's status message runs it again, also after a restart, so the job is
kept here when it fails. It goes when the job's record goes (the janitor expires both
after ``FAILED_RETENTION_HOURS``), when it is run again, or when a newer failure on the
same status message replaces it. A message shared by the jobs of one command (several
links) keeps each of its failed jobs: 🔄 there runs them all again.
"""

import sqlite3
from datetime import UTC, datetime

from loguru import logger

from boss_bot.core.items import DownloadItem
from boss_bot.core.storage.job_store._codec import from_json, to_json

SCHEMA = """
CREATE TABLE IF NOT EXISTS failed_jobs (
    job_id TEXT PRIMARY KEY,
    status_message_id INTEGER NOT NULL,
    failed_at REAL NOT NULL,
    data TEXT NOT NULL
)
"""
INDEX = "CREATE INDEX IF NOT EXISTS failed_by_message ON failed_jobs (status_message_id)"
MIGRATE = (  # the table of one failed job per status message, before several links
    "INSERT OR IGNORE INTO failed_jobs "
    "SELECT json_extract(data, '$.id'), status_message_id, failed_at, data FROM failed"
)


class FailedJobs:
    """The failed jobs 🔄 may still run again, found by their status message.

    Args:
        db: The queue database's connection (``SqliteJobStore`` shares its own).
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        db.execute(SCHEMA)
        db.execute(INDEX)
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'failed'").fetchone():
            db.execute(MIGRATE)
            db.execute("DROP TABLE failed")

    def keep(self, item: DownloadItem, at: datetime | None = None) -> None:
        """Keep a failed job that has a status message; ``at`` is when it failed (now).

        It replaces an earlier failure shown on the same message, unless the message is
        shared by several jobs.
        """
        if item.status_message_id is None:
            return
        when = (at or datetime.now(UTC)).timestamp()
        if not item.shared_status:
            self.forget(item.status_message_id)
        self._db.execute(
            "INSERT OR REPLACE INTO failed_jobs (job_id, status_message_id, failed_at, data) "
            "VALUES (?, ?, ?, ?)",
            (item.id, item.status_message_id, when, to_json(item)),
        )

    def all_of(self, status_message_id: int) -> list[DownloadItem]:
        """The failed jobs this status message shows, oldest first (unreadable ones left out)."""
        rows = self._db.execute(
            "SELECT data FROM failed_jobs WHERE status_message_id = ? ORDER BY failed_at",
            (status_message_id,),
        ).fetchall()
        items = []
        for (data,) in rows:
            try:
                items.append(from_json(data))
            except (ValueError, KeyError, TypeError) as exc:
                logger.warning(
                    "failed job of message {} cannot be read: {}", status_message_id, exc
                )
        return items

    def get(self, status_message_id: int) -> DownloadItem | None:
        """The newest failed job this status message shows; None if none (or unreadable)."""
        return next(reversed(self.all_of(status_message_id)), None)

    def forget(self, status_message_id: int, job_id: str | None = None) -> None:
        """Forget the failed jobs of this status message, or only ``job_id`` (it runs again)."""
        if job_id is None:
            query, args = "status_message_id = ?", (status_message_id,)
        else:
            query, args = "status_message_id = ? AND job_id = ?", (status_message_id, job_id)
        self._db.execute(f"DELETE FROM failed_jobs WHERE {query}", args)  # noqa: S608

    def expire(self, before: datetime) -> int:
        """Forget the jobs that failed before ``before``; return how many went."""
        cursor = self._db.execute(
            "DELETE FROM failed_jobs WHERE failed_at < ?", (before.timestamp(),)
        )
        return cursor.rowcount
