"""``JobStore`` in one SQLite file, which survives crashes and shrugs off damage."""

import sqlite3
from pathlib import Path

from loguru import logger

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.storage.job_store._codec import from_json, to_json
from boss_bot.core.storage.job_store._damage import DamagedError, StoreDamage, check, move_aside
from boss_bot.core.storage.job_store._failed import FailedJobs

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    data TEXT NOT NULL
)
"""


def _open(path: Path) -> sqlite3.Connection:
    """Connect in WAL mode and make sure the table exists."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(_SCHEMA)
    return db


class SqliteJobStore:
    """``JobStore`` in one SQLite file; writes are single-row and durable across crashes.

    WAL with ``synchronous=NORMAL`` keeps every commit across a process crash (the OS
    has it); only a power cut may lose the last commits. A file SQLite cannot read is
    moved aside and a new, empty one started (``damage`` says so); a row that cannot
    be read is skipped (``skipped`` counts them) and left in the file. Failed jobs are
    kept apart, for 🔄 (``failed``).
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.damage: StoreDamage | None = None
        self.skipped = 0
        try:
            check(path)
        except DamagedError as exc:
            self.damage = StoreDamage(move_aside(path), str(exc))
            logger.error(
                "the queue database {} is damaged ({}): moved it aside to {} and started "
                "with an empty queue; the jobs in it are NOT resumed",
                path,
                exc,
                self.damage.moved_to.name,
            )
        self._db = _open(path)
        self.failed = FailedJobs(self._db)

    def save(self, item: DownloadItem) -> None:
        """Insert or update ``item``; a finished job is deleted, a failed one kept for 🔄."""
        if item.status.finished:
            self._db.execute("DELETE FROM jobs WHERE id = ?", (item.id,))
            if item.status is DownloadStatus.FAILED:
                self.failed.keep(item)
            return
        self._db.execute(
            "INSERT INTO jobs (id, status, data) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET status = excluded.status, data = excluded.data",
            (item.id, item.status.value, to_json(item)),
        )

    def unfinished(self) -> list[DownloadItem]:
        """Unfinished jobs, oldest first; rows that cannot be read are logged and skipped."""
        rows = self._db.execute("SELECT seq, data FROM jobs ORDER BY seq").fetchall()
        items = []
        for seq, data in rows:
            try:
                items.append(from_json(data))
            except (ValueError, KeyError, TypeError) as exc:
                logger.warning(
                    "skipped saved job #{} in {}: it cannot be read ({}: {}); left in the file",
                    seq,
                    self.path.name,
                    type(exc).__name__,
                    exc,
                )
        self.skipped = len(rows) - len(items)
        return items

    def close(self) -> None:
        """Close the database."""
        self._db.close()
