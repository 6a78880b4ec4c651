"""Durable job state: a small interface, and its SQLite implementation (WAL).

Every status change of a job is written before the job moves on, so after a clean
stop, a crash or ``kill -9`` the unfinished jobs are known. A Redis store can
implement the same ``JobStore`` protocol later.
"""

import dataclasses
import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from boss_bot.core.items import DownloadItem, DownloadPriority, DownloadStatus
from boss_bot.core.urls import Platform

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    data TEXT NOT NULL
)
"""


class JobStore(Protocol):
    """Where unfinished jobs are kept."""

    def save(self, item: DownloadItem) -> None:
        """Insert or update a job (finished jobs are removed)."""
        ...

    def unfinished(self) -> list[DownloadItem]:
        """All jobs not finished, in the order they were accepted."""
        ...

    def close(self) -> None:
        """Release the store."""
        ...


def to_json(item: DownloadItem) -> str:
    """Serialise a job."""
    return json.dumps(dataclasses.asdict(item), default=lambda v: v.isoformat())


def from_json(text: str) -> DownloadItem:
    """Deserialise a job written by ``to_json``."""
    raw: dict[str, Any] = json.loads(text)
    for name in ("created_at", "started_at", "completed_at"):
        raw[name] = datetime.fromisoformat(raw[name]) if raw.get(name) else None
    raw["platform"] = Platform(raw["platform"])
    raw["status"] = DownloadStatus(raw["status"])
    raw["priority"] = DownloadPriority(raw["priority"])
    return DownloadItem(**raw)


class SqliteJobStore:
    """``JobStore`` in one SQLite file; writes are single-row and durable across crashes.

    WAL with ``synchronous=NORMAL`` keeps every commit across a process crash (the OS
    has it); only a power cut may lose the last commits.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)

    def save(self, item: DownloadItem) -> None:
        """Insert or update ``item``; a finished job is deleted."""
        if item.status.finished:
            self._db.execute("DELETE FROM jobs WHERE id = ?", (item.id,))
            return
        self._db.execute(
            "INSERT INTO jobs (id, status, data) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET status = excluded.status, data = excluded.data",
            (item.id, item.status.value, to_json(item)),
        )

    def unfinished(self) -> list[DownloadItem]:
        """Unfinished jobs, oldest first."""
        rows = self._db.execute("SELECT data FROM jobs ORDER BY seq").fetchall()
        return [from_json(data) for (data,) in rows]

    def close(self) -> None:
        """Close the database."""
        self._db.close()
