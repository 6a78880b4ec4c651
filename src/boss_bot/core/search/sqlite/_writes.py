"""Writing the search database: an entry with its passages, FTS rows and vectors; removal.

Both run inside the caller's transaction, so an item, its passages, their FTS rows and
vectors come and go together.
"""

import json
import sqlite3
from typing import TYPE_CHECKING

from boss_bot.core.search.entries import Entry
from boss_bot.core.search.passages import passages
from boss_bot.core.search.sqlite._rows import ITEM_COLUMNS, fts_row, item_row

if TYPE_CHECKING:
    from boss_bot.core.search.ports import Vectors

_IN = "(SELECT value FROM json_each(?))"  # ? is a JSON list of job ids
_DROP = (
    f"DELETE FROM words WHERE rowid IN (SELECT id FROM passages WHERE job_id IN {_IN})",  # noqa: S608 - constants
    f"DELETE FROM grams WHERE rowid IN (SELECT id FROM passages WHERE job_id IN {_IN})",  # noqa: S608 - constants
    f"DELETE FROM passages WHERE job_id IN {_IN}",  # noqa: S608 - constants
    f"DELETE FROM items WHERE job_id IN {_IN}",  # noqa: S608 - constants
)
_ITEM = f"INSERT INTO items ({ITEM_COLUMNS}) VALUES ({', '.join('?' * 12)})"  # noqa: S608
_PASSAGE = """
INSERT INTO passages (job_id, owner, kind, start, text, vector) VALUES (?, ?, ?, ?, ?, ?)
"""
_FTS = "INSERT INTO {table} (rowid, title, uploader, tags, body) VALUES (?, ?, ?, ?, ?)"


def drop(db: sqlite3.Connection, job_ids: list[str]) -> None:
    """Remove these jobs' items, passages, FTS rows and vectors."""
    jobs = json.dumps(job_ids)
    for sql in _DROP:
        db.execute(sql, (jobs,))


def write(db: sqlite3.Connection, entry: Entry, vectors: "Vectors | None") -> list[int]:
    """Insert ``entry`` (after dropping any with its job id); its passages' ids, in order.

    Raises:
        ValueError: ``vectors`` has not one row per passage.
    """
    parts = passages(entry)
    if vectors is not None and len(vectors) != len(parts):
        raise ValueError(f"{len(vectors)} vectors for {len(parts)} passages")
    from boss_bot.core.search.sqlite._vectors import vector_blob  # numpy: only with vectors

    drop(db, [entry.job_id])
    db.execute(_ITEM, item_row(entry))
    passage_ids = []
    for n, part in enumerate(parts):
        blob = vector_blob(vectors[n]) if vectors is not None else None
        row = (entry.job_id, entry.owner, part.kind, part.start, part.text, blob)
        passage_id = int(db.execute(_PASSAGE, row).lastrowid or 0)
        passage_ids.append(passage_id)
        for table in ("words", "grams") if part.kind == "about" else ("words",):
            db.execute(_FTS.format(table=table), (passage_id, *fts_row(entry, part)))
    return passage_ids
