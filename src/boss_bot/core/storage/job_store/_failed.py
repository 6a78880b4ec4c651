"""Failed jobs kept for 🔄, by status message, in the same file as the queue.

🔄 on a failed job's status message runs it again, also after a restart, so the job is
kept here when it fails. It goes when the job's record goes (the janitor expires both
after ``FAILED_RETENTION_HOURS``), when it is run again, or when a newer failure on the
same status message replaces it.
"""

import sqlite3
from datetime import UTC, datetime

from loguru import logger

from boss_bot.core.items import DownloadItem
from boss_bot.core.storage.job_store._codec import from_json, to_json

SCHEMA = """
CREATE TABLE IF NOT EXISTS failed (
    status_message_id INTEGER PRIMARY KEY,
    failed_at REAL NOT NULL,
    data TEXT NOT NULL
)
"""


class FailedJobs:
    """The failed jobs 🔄 may still run again, found by their status message.

    Args:
        db: The queue database's connection (``SqliteJobStore`` shares its own).
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        db.execute(SCHEMA)

    def keep(self, item: DownloadItem, at: datetime | None = None) -> None:
        """Keep a failed job that has a status message; ``at`` is when it failed (now)."""
        if item.status_message_id is None:
            return
        when = (at or datetime.now(UTC)).timestamp()
        self._db.execute(
            "INSERT OR REPLACE INTO failed (status_message_id, failed_at, data) VALUES (?, ?, ?)",
            (item.status_message_id, when, to_json(item)),
        )

    def get(self, status_message_id: int) -> DownloadItem | None:
        """The failed job this status message shows; None if none (or it cannot be read)."""
        row = self._db.execute(
            "SELECT data FROM failed WHERE status_message_id = ?", (status_message_id,)
        ).fetchone()
        if row is None:
            return None
        try:
            return from_json(row[0])
        except (ValueError, KeyError, TypeError) as exc:
            logger.warning("failed job of message {} cannot be read: {}", status_message_id, exc)
            return None

    def forget(self, status_message_id: int) -> None:
        """Forget the failed job of this status message (it runs again)."""
        self._db.execute("DELETE FROM failed WHERE status_message_id = ?", (status_message_id,))

    def expire(self, before: datetime) -> int:
        """Forget the jobs that failed before ``before``; return how many went."""
        cursor = self._db.execute("DELETE FROM failed WHERE failed_at < ?", (before.timestamp(),))
        return cursor.rowcount
