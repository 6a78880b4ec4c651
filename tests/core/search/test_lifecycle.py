"""An item's life in the store: get, replace, forget, expire, reopen, concurrent callers."""

import sqlite3
import threading
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from boss_bot.core.search.sqlite import SqliteSearchIndex

from .conftest import WHEN, A, captions, entry


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_get_returns_the_entry_without_captions(index: SqliteSearchIndex) -> None:
    """The store gives back every field as added, but the captions."""
    added = entry(
        "j1", title="T", tags=("a", "b"), uploaded=date(2020, 5, 1), captions=captions("x")
    )
    assert index.get(A, "j1") is None
    index.add(added)
    assert index.get(A, "j1") == entry("j1", title="T", tags=("a", "b"), uploaded=date(2020, 5, 1))


def test_adding_a_job_again_replaces_it(index: SqliteSearchIndex) -> None:
    """Re-adding a job id replaces its text: the old words no longer find it."""
    index.add(entry("j1", title="Old title", captions=captions("first words")))
    index.add(entry("j1", title="New title"))
    assert index.search(A, "old") == []
    assert index.search(A, "first words") == []
    assert [h.entry.title for h in index.search(A, "new")] == ["New title"]


def test_forget_removes_everything_of_the_item(tmp_path: Path) -> None:
    """Forgetting removes the item, its passages, its FTS rows and vectors, and says so."""
    path = tmp_path / "s.sqlite3"
    index = SqliteSearchIndex(path)
    index.add(entry("j1", title="Bridge", captions=captions("a", "b")), np.eye(3, dtype=np.float32))
    index.add(entry("j2", title="Other"))
    assert index.forget(A, "j1") is True
    assert index.forget(A, "j1") is False
    assert index.search(A, "bridge") == []
    assert [h.entry.job_id for h in index.similar(A, np.eye(3, dtype=np.float32)[0])] == []
    index.close()
    assert (_count(path, "items"), _count(path, "passages")) == (1, 1)
    assert (_count(path, "words"), _count(path, "grams")) == (1, 1)


def test_prune_removes_items_delivered_before_the_date(index: SqliteSearchIndex) -> None:
    """Entries older than the cut-off go; newer ones stay; the count is returned."""
    index.add(entry("old", title="Bridge", delivered_at=WHEN - timedelta(days=100)))
    index.add(entry("new", title="Bridge", delivered_at=WHEN))
    assert index.prune(WHEN - timedelta(days=90)) == 1
    assert [h.entry.job_id for h in index.search(A, "bridge")] == ["new"]
    assert index.prune(WHEN - timedelta(days=90)) == 0


def test_the_store_survives_a_reopen_and_refuses_a_newer_schema(tmp_path: Path) -> None:
    """Items persist across opens; a database from a newer bot is refused, not damaged."""
    path = tmp_path / "deep" / "s.sqlite3"
    first = SqliteSearchIndex(path)
    first.add(entry("j1", title="Bridge"))
    first.close()
    again = SqliteSearchIndex(path)
    assert [h.entry.job_id for h in again.search(A, "bridge")] == ["j1"]
    again.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(sqlite3.DatabaseError, match="newer"):
        SqliteSearchIndex(path)


def test_vectors_must_have_one_row_per_passage(index: SqliteSearchIndex) -> None:
    """Two passages (about + one caption) and three vectors: refused, nothing written."""
    with pytest.raises(ValueError, match="passages"):
        index.add(entry("j1", captions=captions("x")), np.eye(3, dtype=np.float32))
    assert index.get(A, "j1") is None


def test_many_threads_add_and_search_at_once(index: SqliteSearchIndex) -> None:
    """Threads (as asyncio.to_thread uses) adding and searching together all succeed."""
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for k in range(20):
                index.add(entry(f"t{n}x{k}", title=f"thread bridge {n}"))
                index.search(A, "bridge")
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(index.search(A, "bridge", limit=100)) == 80
