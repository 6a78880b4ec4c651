"""A queue database SQLite cannot read: recognised, and moved aside for the operator.

A damaged file is kept, not deleted, under a timestamped name next to the original
(``queue.sqlite3.damaged-20261202T031500Z``); its ``-wal``/``-shm`` files follow with
the same suffixes, so ``sqlite3`` can still open the copy for a post-mortem.
"""

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

DAMAGED_MARK = ".damaged-"
_SIDE_FILES = ("-wal", "-shm", "-journal")
_DAMAGE_CODES = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


class DamagedError(Exception):
    """The database file is not a readable SQLite database."""


@dataclass(frozen=True)
class StoreDamage:
    """What start-up found: the damaged file's new name and SQLite's complaint."""

    moved_to: Path
    reason: str


def check(path: Path) -> None:
    """Read ``path`` read-only through ``PRAGMA quick_check`` (milliseconds for a queue).

    Read-only, so a damaged file and its WAL stay exactly as found: a normal
    connection would checkpoint the WAL into the file and delete it on close.

    Raises:
        DamagedError: The file is corrupt or not a database.
        sqlite3.Error: Anything else (locked by another bot, unreadable).
    """
    if not path.exists():
        return
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        problems = [row for (row,) in db.execute("PRAGMA quick_check") if row != "ok"]
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") in _DAMAGE_CODES:
            raise DamagedError(str(exc)) from exc
        raise  # a lock, permissions: moving the file would not help
    finally:
        db.close()
    if problems:
        raise DamagedError("; ".join(map(str, problems[:3])))


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename ``path`` (and its side files) to a free timestamped name; return it."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}")
    extra = 1
    while target.exists():  # damaged twice within one second
        extra += 1
        target = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}-{extra}")
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    path.replace(target)
    return target


def damaged_copies(path: Path) -> list[Path]:
    """The databases moved aside from ``path``, oldest first (side files not listed)."""
    found = path.parent.glob(f"{path.name}{DAMAGED_MARK}*")
    return sorted(p for p in found if not p.name.endswith(_SIDE_FILES))
