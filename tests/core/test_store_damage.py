"""A damaged queue database: moved aside at open, bad rows skipped, locks left alone."""

import sqlite3
from pathlib import Path

import pytest

from boss_bot.core.items import DownloadItem
from boss_bot.core.storage.job_store import SqliteJobStore, damaged_copies, to_json
from boss_bot.core.urls import Platform


def _item() -> DownloadItem:
    return DownloadItem(
        url="https://e.test/a.png", platform=Platform.GENERIC, user_id=1, channel_id=2, guild_id=3
    )


def _truncated(path: Path) -> None:
    store = SqliteJobStore(path)
    for _ in range(200):
        store.save(_item())
    store.close()
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_file_is_moved_aside_with_its_wal(tmp_path: Path, damage: str) -> None:
    """Garbage or a truncated file: renamed with a timestamp (-wal too), a fresh store opens."""
    path = tmp_path / "queue.sqlite3"
    if damage == "garbage":
        path.write_bytes(b"not a database at all\n" * 300)
    else:
        _truncated(path)
    path.with_name("queue.sqlite3-wal").write_bytes(b"stale")
    store = SqliteJobStore(path)
    assert store.damage is not None
    assert damaged_copies(path) == [store.damage.moved_to]
    assert store.damage.moved_to.name.startswith("queue.sqlite3.damaged-")
    assert store.damage.moved_to.with_name(store.damage.moved_to.name + "-wal").read_bytes() == (
        b"stale"
    )
    assert store.unfinished() == []
    store.save(_item())
    assert len(store.unfinished()) == 1


def test_bad_rows_are_skipped_and_the_rest_kept(tmp_path: Path) -> None:
    """Invalid JSON, unknown status or platform, a missing field: skipped, counted, kept."""
    path = tmp_path / "queue.sqlite3"
    good = [_item(), _item()]
    store = SqliteJobStore(path)
    store.save(good[0])
    bad = to_json(_item())
    rows = [
        "{not json",
        bad.replace('"queued"', '"exploded"'),
        bad.replace('"generic"', '"myspace"'),
        bad.replace('"url": ', '"uri": '),
        bad.replace('"attempts": 0', '"attempts": "many"'),
        "[1]",
    ]
    with sqlite3.connect(path) as db:
        for n, data in enumerate(rows):
            db.execute("INSERT INTO jobs (id, status, data) VALUES (?, 'queued', ?)", (n, data))
    store.save(good[1])
    assert [i.id for i in store.unfinished()] == [i.id for i in good]
    assert store.skipped == len(rows)
    assert store.damage is None


@pytest.mark.slow
def test_a_locked_database_is_not_called_damaged(tmp_path: Path) -> None:
    """Another process holding the lock is an error, never a reason to move the file."""
    path = tmp_path / "queue.sqlite3"
    SqliteJobStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        SqliteJobStore(path)
    holder.close()
    assert damaged_copies(path) == []
