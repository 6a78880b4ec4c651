"""File-system helpers for the data directory: removing a path, measuring a tree."""

import contextlib
import shutil
from pathlib import Path


def remove(path: Path) -> None:
    """Remove a file or a directory tree (not following a symlink)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def tree_usage(root: Path) -> tuple[int, int]:
    """Bytes and files under ``root`` (0, 0 if it is not there); vanishing files are skipped."""
    total = count = 0
    for path in root.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file():
                total += path.stat().st_size
                count += 1
    return total, count
