"""What finished, kept in SQLite: repeated links and a week of statistics, across restarts.

``<data_dir>/history.sqlite3`` holds a row per finished job (``_schema``). A repeated
link is looked up by its ``link_key`` within ``SUCCESS_RETENTION_HOURS``; after that
the link is cleared from the row (retention), and the row itself goes after
``KEEP_DAYS`` (what ``$stats`` covers). Both happen at start and whenever a job ends.
"""

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from boss_bot.core.history._rows import owner_of, row_of, row_of_record
from boss_bot.core.history._schema import COLUMNS, INSERT, Row, migrate
from boss_bot.core.items import DownloadItem, DownloadResult
from boss_bot.core.link_keys import link_key
from boss_bot.core.storage.paths import Storage
from boss_bot.core.storage.records import read_record

__all__ = ["KEEP_DAYS", "Delivery", "History", "owner_of"]
KEEP_DAYS = 7
Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class Delivery:
    """One finished job, as the history keeps it."""

    job_id: str
    owner: str
    link: str | None
    guild_id: int | None
    channel_id: int
    message_id: int | None
    user_id: int
    platform: str
    status: str
    bytes: int
    started_at: float | None
    finished_at: float


class History:
    """The finished jobs of the last ``KEEP_DAYS`` days, per guild (in DMs: per user)."""

    def __init__(self, storage: Storage, success_hours: float, clock: Clock | None = None):
        self.clock = clock or (lambda: datetime.now(UTC))
        self.success_hours = success_hours
        storage.root.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(storage.history_db, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._lock = threading.Lock()  # finished jobs are written from worker threads

        def existing() -> list[Row]:
            metas = storage.downloads.glob("*/*/*/metadata.json")
            return [r for m in metas if (r := row_of_record(read_record(m)))]

        migrate(self._db, existing)
        self.prune()

    def add(self, item: DownloadItem, result: DownloadResult | None) -> None:
        """Remember a job that finished (a ``Finished`` hook)."""
        with self._lock, self._db:
            self._db.execute(INSERT, row_of(item, result, self.clock()))
        self.prune()

    def _select(self, where: str, *args: object) -> list[Delivery]:
        sql = f"SELECT {COLUMNS} FROM finished WHERE {where} ORDER BY finished_at DESC"  # noqa: S608 - constants
        with self._lock:
            return [Delivery(*row) for row in self._db.execute(sql, args).fetchall()]

    def delivered(self, guild_id: int | None, user_id: int, url: str) -> Delivery | None:
        """The latest delivery of ``url`` (any share of it) here within success retention."""
        since = self.clock() - timedelta(hours=self.success_hours)
        found = self._select(
            "owner = ? AND link = ? AND status = 'completed' AND finished_at >= ?",
            owner_of(guild_id, user_id),
            link_key(url),
            since.timestamp(),
        )
        return found[0] if found else None

    def week(self, guild_id: int | None, user_id: int) -> list[Delivery]:
        """The jobs that finished here in the last ``KEEP_DAYS`` days, newest first."""
        since = self.clock() - timedelta(days=KEEP_DAYS)
        where = "owner = ? AND finished_at >= ?"
        return self._select(where, owner_of(guild_id, user_id), since.timestamp())

    def prune(self) -> int:
        """Clear links past success retention, drop rows past ``KEEP_DAYS``; rows touched."""
        now = self.clock()
        links_until = (now - timedelta(hours=self.success_hours)).timestamp()
        rows_until = (now - timedelta(days=KEEP_DAYS)).timestamp()
        with self._lock, self._db:
            gone = self._db.execute("DELETE FROM finished WHERE finished_at < ?", (rows_until,))
            sql = "UPDATE finished SET link = NULL WHERE link IS NOT NULL AND finished_at < ?"
            cleared = self._db.execute(sql, (links_until,))
            return gone.rowcount + cleared.rowcount

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
