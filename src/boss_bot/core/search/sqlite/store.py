"""``SqliteSearchIndex``: the ``SearchIndex`` we ship, one SQLite file, no server.

One connection in WAL mode, shared by the threads that call it (the bot calls it
through ``asyncio.to_thread``) behind a lock. Every read and every removal names the
owner: one server never sees, gets or forgets another's items.
"""

import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from boss_bot.core.search.entries import Entry, Hit
from boss_bot.core.search.sqlite import _vectors
from boss_bot.core.search.sqlite._rows import ITEM_COLUMNS, entry_of
from boss_bot.core.search.sqlite._schema import migrate
from boss_bot.core.search.sqlite._similar import similar_hits
from boss_bot.core.search.sqlite._words import word_hits
from boss_bot.core.search.sqlite._writes import drop, write

if TYPE_CHECKING:
    from boss_bot.core.search.ports import Vectors

_FIND = f"SELECT {ITEM_COLUMNS} FROM items WHERE owner = ? AND job_id = ?"  # noqa: S608
_NAMED = (
    f"SELECT {ITEM_COLUMNS} FROM items WHERE owner = ? "  # noqa: S608
    "AND (job_id = ? OR jump_url = ? OR source_url = ?) "
    "ORDER BY requester_id = ? DESC, delivered_at DESC"
)


class SqliteSearchIndex:
    """Entries in one SQLite file, found by words (FTS5, BM25) and by meaning (vectors)."""

    def __init__(self, path: Path | str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._lock = threading.Lock()
        self._vectors: dict[str, _vectors.OwnerVectors] = {}  # by owner, dropped on change
        migrate(self._db)

    def add(self, entry: Entry, vectors: "Vectors | None" = None) -> None:
        """Index ``entry``, replacing the one with its job id; ``vectors``: one row a passage.

        Raises:
            ValueError: ``vectors`` has not one row per passage.
        """
        with self._lock:
            with self._db:
                sql = "SELECT owner FROM items WHERE job_id = ?"
                previous = [owner for (owner,) in self._db.execute(sql, (entry.job_id,))]
                passage_ids = write(self._db, entry, vectors)
            cached = self._vectors.get(entry.owner)
            if previous:  # a replaced item's old rows are somewhere in its owner's matrix
                for owner in {*previous, entry.owner}:
                    self._vectors.pop(owner, None)
            elif cached is not None and vectors is not None:
                grown = _vectors.appended(cached, passage_ids, entry.job_id, vectors)
                self._vectors[entry.owner] = grown or _vectors.load(self._db, entry.owner)

    def search(self, owner: str, query: str, limit: int = 5) -> list[Hit]:
        """The owner's best ``limit`` items for these words, best first, one hit each."""
        with self._lock:
            return word_hits(self._db, owner, query, limit)

    def similar(self, owner: str, vector: "Vectors", limit: int = 5) -> list[Hit]:
        """The owner's items whose passages are nearest in meaning to ``vector`` (cosine)."""
        with self._lock:
            if owner not in self._vectors:
                self._vectors[owner] = _vectors.load(self._db, owner)
            return similar_hits(self._db, self._vectors[owner], vector, limit)

    def get(self, owner: str, job_id: str) -> Entry | None:
        """The owner's entry for a job (without its captions), if there is one."""
        with self._lock:
            row = self._db.execute(_FIND, (owner, job_id)).fetchone()
        return entry_of(row) if row else None

    def lookup(self, owner: str, key: str, requester: int | None = None) -> Entry | None:
        """The owner's entry with this job id, jump link or source URL (asker's first)."""
        with self._lock:
            row = self._db.execute(_NAMED, (owner, key, key, key, requester)).fetchone()
        return entry_of(row) if row else None

    def forget(self, owner: str, job_id: str) -> bool:
        """Remove the owner's entry for a job at once; whether there was one."""
        with self._lock, self._db:
            if not self._db.execute(_FIND, (owner, job_id)).fetchone():
                return False
            self._vectors.pop(owner, None)
            drop(self._db, [job_id])
            return True

    def prune(self, before: datetime) -> int:
        """Remove entries delivered before ``before``; how many were removed."""
        with self._lock, self._db:
            sql = "SELECT job_id FROM items WHERE delivered_at < ?"
            old = [job_id for (job_id,) in self._db.execute(sql, (before.timestamp(),))]
            if old:
                self._vectors.clear()
                drop(self._db, old)
            return len(old)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
