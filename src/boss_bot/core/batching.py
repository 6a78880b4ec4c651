"""Splitting files into Discord messages: at most 10 each, in order, within a size budget."""

from collections.abc import Sequence
from pathlib import Path

MAX_ATTACHMENTS = 10


def batches(
    files: Sequence[Path], budget: int, per_message: int = MAX_ATTACHMENTS
) -> list[list[Path]]:
    """Group files in order so each group has at most ``per_message`` files and ``budget`` bytes.

    A single file larger than the budget gets a group of its own (the caller decides
    what to do with it).
    """
    groups: list[list[Path]] = []
    current: list[Path] = []
    used = 0
    for path in files:
        size = path.stat().st_size
        if current and (len(current) >= per_message or used + size > budget):
            groups.append(current)
            current, used = [], 0
        current.append(path)
        used += size
    if current:
        groups.append(current)
    return groups
