"""What a job directory holds: its finished files, and which of them are media we accept."""

from collections import Counter
from pathlib import Path

from boss_bot.core.media.content import sniff_file

_PARTIAL = (".part", ".ytdl", ".temp", ".tmp")


def media_files(dest: Path) -> list[Path]:
    """Return the finished files in ``dest``, oldest first (the source's order)."""
    files = [
        path
        for path in dest.rglob("*")
        if path.is_file() and not path.name.startswith(".") and not path.name.endswith(_PARTIAL)
    ]
    return sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name))


def skipped_note(whats: tuple[str, ...]) -> str:
    """The sentence telling the user what was skipped, e.g. "Skipped a file that is not …"."""
    if len(whats) == 1:
        return f"Skipped a file that is not a picture, video or audio ({describe(whats)})."
    many = f"{len(whats)} files that are not pictures, video or audio"
    return f"Skipped {many} ({describe(whats)})."


def beyond_files_note(taken: int, found: int | None, max_files: int) -> str:
    """The sentence for a playlist or gallery longer than a job's file limit."""
    limit = f"the {max_files}-file limit"
    if found:
        return f"Took the first {taken} of {found} items: the rest is over {limit}."
    return f"Took the first {taken} items; there are more, over {limit}."


def beyond_bytes_note(taken: int, max_size: str) -> str:
    """The sentence for a playlist or gallery stopped part-way by a job's byte limit."""
    return f"Stopped after {taken} items: the rest is over the {max_size} a job may download."


def describe(whats: tuple[str, ...]) -> str:
    """``("a playlist", "a playlist", "a subtitle file")`` → "2 × a playlist, a subtitle file"."""
    counts = Counter(whats)
    return ", ".join(what if n == 1 else f"{n} × {what}" for what, n in counts.items())


async def sort_out(files: list[Path]) -> tuple[list[Path], tuple[str, ...]]:
    """The files whose content is an accepted container, and what the others (deleted) were."""
    kept: list[Path] = []
    skipped: list[str] = []
    for path in files:
        content = await sniff_file(path)
        if content.accepted:
            kept.append(path)
        else:
            skipped.append(content.what)
            path.unlink(missing_ok=True)
    return kept, tuple(skipped)
