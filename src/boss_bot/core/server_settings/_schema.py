"""The settings file's schema, in versions: ``PRAGMA user_version`` says which a file has.

``MIGRATIONS[n]`` takes a file from version ``n`` to ``n + 1``; a new version is a new
step at the end, never an edit of a shipped one. A file from a newer boss-bot is
refused rather than guessed at.
"""

import sqlite3
from pathlib import Path

from loguru import logger

from boss_bot.errors import ConfigError

MIGRATIONS: tuple[str, ...] = (
    # 1: each server's settings; a NULL value is a reset, kept for "who changed it last".
    """
    CREATE TABLE server_settings (
        guild_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT,
        changed_by INTEGER NOT NULL,
        changed_by_name TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        PRIMARY KEY (guild_id, key)
    )
    """,
    # 2: each member's preferences, the same in every server.
    """
    CREATE TABLE member_preferences (
        user_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        PRIMARY KEY (user_id, key)
    )
    """,
)
VERSION = len(MIGRATIONS)


def open_database(path: Path) -> sqlite3.Connection:
    """Open (or create) the settings file in WAL mode and bring its schema up to date.

    Raises:
        ConfigError: The file was written by a newer boss-bot (a schema we don't know).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    (found,) = db.execute("PRAGMA user_version").fetchone()
    if found > VERSION:
        db.close()
        raise ConfigError(
            f"{path} has settings schema {found}, newer than this boss-bot's {VERSION}: "
            "upgrade boss-bot, or move the file aside to start from the defaults."
        )
    for version in range(found, VERSION):
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(MIGRATIONS[version])
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            db.close()
            raise
        logger.info("settings file {} migrated to schema {}", path.name, version + 1)
    return db
