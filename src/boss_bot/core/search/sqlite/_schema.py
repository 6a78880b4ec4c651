"""The search database's schema, by version (``PRAGMA user_version``), created on first open.

``items`` holds one row per entry (its captions only as passages), ``passages`` one row per
``passages(entry)`` with its optional float32 vector, and two FTS5 tables index the
passages' words by ``passages.id``: ``words`` (porter stems, diacritics folded), and
``grams`` (trigrams, for partial words) of the ``about`` passages only (trigrams of every
caption would make the file several times larger). Their columns are the same, so one
set of BM25 weights ranks both.
"""

import sqlite3

VERSION = 1
FTS_COLUMNS = ("title", "uploader", "tags", "body")
WEIGHTS = "10.0, 4.0, 4.0, 1.0"  # BM25 weights of FTS_COLUMNS: a title word beats a body word
_V1 = """
CREATE TABLE items (
    job_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,            -- owner_of(...): guild:<id> or dm:<user id>
    channel_id INTEGER NOT NULL,
    requester_id INTEGER NOT NULL,
    delivered_at REAL NOT NULL,     -- UNIX seconds; the entry expires from then
    jump_url TEXT NOT NULL,
    title TEXT NOT NULL,
    uploader TEXT NOT NULL,
    description TEXT NOT NULL,
    source_url TEXT NOT NULL,
    uploaded TEXT,                  -- ISO date
    tags TEXT NOT NULL              -- JSON list
);
CREATE INDEX items_owner ON items (owner);
CREATE INDEX items_delivered ON items (delivered_at);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,         -- the rowid of its rows in words and grams
    job_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,             -- about | caption
    start REAL,                     -- seconds into the video, for a caption
    text TEXT NOT NULL,
    vector BLOB                     -- float32, unit length; NULL without a model
);
CREATE INDEX passages_job ON passages (job_id);
CREATE INDEX passages_owner ON passages (owner);
CREATE VIRTUAL TABLE words USING fts5(
    title, uploader, tags, body, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE grams USING fts5(title, uploader, tags, body, tokenize = 'trigram');
"""


def migrate(db: sqlite3.Connection) -> None:
    """Bring ``db`` to ``VERSION``, creating the tables on first open.

    Raises:
        sqlite3.DatabaseError: A database newer than this code, or unreadable.
    """
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > VERSION:
        raise sqlite3.DatabaseError(f"search schema {version} is newer than this bot")
    if version < 1:
        db.executescript(f"BEGIN; {_V1} PRAGMA user_version = {VERSION}; COMMIT;")
