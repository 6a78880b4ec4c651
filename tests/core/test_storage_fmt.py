"""The data directory layout, batching of attachments, and human-readable numbers."""

from datetime import datetime
from pathlib import Path

from boss_bot.core.batching import batches
from boss_bot.core.fmt import duration, size
from boss_bot.core.storage.paths import Storage


def test_prepare_removes_leftovers_from_a_crash(tmp_path: Path) -> None:
    """Job directories and stray files in temp/ are removed at start."""
    storage = Storage(tmp_path)
    (storage.job_dir("abc123") / "half.mp4.part").write_bytes(b"x")
    (storage.temp / "stray.tmp").write_bytes(b"y")
    storage.prepare()
    assert list(storage.temp.iterdir()) == []


def test_record_dir_follows_the_seed_layout(tmp_path: Path) -> None:
    """Records go to downloads/<guild>/<yyyy-mm-dd>/<job_id>/ (``dm`` outside guilds)."""
    storage = Storage(tmp_path)
    day = datetime(2026, 11, 22)
    assert storage.record_dir(42, day, "abc123") == tmp_path / "downloads/42/2026-11-22/abc123"
    assert storage.record_dir(None, day, "abc123").parts[-3] == "dm"


def test_batches_keep_order_count_and_budget(tmp_path: Path) -> None:
    """12 files make two messages of at most 10; a message never exceeds the budget."""
    files = []
    for n in range(12):
        path = tmp_path / f"{n:02}.jpg"
        path.write_bytes(b"x" * 100)
        files.append(path)
    groups = batches(files, budget=10_000)
    assert [len(g) for g in groups] == [10, 2]
    assert [p for g in groups for p in g] == files
    assert [len(g) for g in batches(files, budget=250)] == [2] * 6


def test_human_sizes_and_durations() -> None:
    """Sizes use Discord's 1024-based units; durations switch units as they grow."""
    assert size(512) == "512 B"
    assert size(10 * 1024 * 1024) == "10.0 MB"
    assert size(3 * 1024**3) == "3.0 GB"
    assert duration(3.24) == "3.2 s"
    assert duration(245) == "4 min 05 s"
    assert duration(7300) == "2 h 01 min"
