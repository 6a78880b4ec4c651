"""The history database's schema, by version, and the migrations between versions.

``PRAGMA user_version`` holds the version. Version 1 creates the ``finished`` table
and fills it from the records already in the data directory (``metadata.json``), so a
bot upgraded with records on disk remembers them.
"""

import sqlite3
from collections.abc import Callable, Iterable

Row = tuple[object, ...]
COLUMNS = (
    "job_id, owner, link, guild_id, channel_id, message_id, user_id, platform, status, "
    "bytes, started_at, finished_at"
)
_V1 = """
CREATE TABLE finished (
    job_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,         -- the guild id, or dm-<user id> in direct messages
    link TEXT,                   -- link_key of the URL; cleared after success retention
    guild_id INTEGER,
    channel_id INTEGER NOT NULL,
    message_id INTEGER,          -- the first reply with files, else the status message
    user_id INTEGER NOT NULL,
    platform TEXT NOT NULL,
    status TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    started_at REAL,             -- UNIX seconds
    finished_at REAL NOT NULL
);
CREATE INDEX finished_link ON finished (owner, link, finished_at);
CREATE INDEX finished_when ON finished (owner, finished_at);
"""
INSERT = f"INSERT OR REPLACE INTO finished ({COLUMNS}) VALUES ({', '.join('?' * 12)})"  # noqa: S608


def migrate(db: sqlite3.Connection, existing: Callable[[], Iterable[Row]]) -> None:
    """Bring ``db`` to the current version; ``existing`` gives the rows of old records.

    Raises:
        sqlite3.DatabaseError: A database newer than this code, or unreadable.
    """
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > 1:
        raise sqlite3.DatabaseError(f"history schema {version} is newer than this bot")
    if version < 1:
        with db:
            db.executescript(_V1)
            db.executemany(INSERT, existing())
            db.execute("PRAGMA user_version = 1")
