"""What a job directory holds: its finished media files, and whether they are media."""

from pathlib import Path

import aiofiles

_PARTIAL = (".part", ".ytdl", ".temp", ".tmp")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")


def media_files(dest: Path) -> list[Path]:
    """Return the finished files in ``dest``, oldest first (the source's order)."""
    files = [
        path
        for path in dest.rglob("*")
        if path.is_file() and not path.name.startswith(".") and not path.name.endswith(_PARTIAL)
    ]
    return sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name))


async def looks_like_html(path: Path) -> bool:
    """Return True when a file is a web page rather than media, by its first bytes."""
    async with aiofiles.open(path, "rb") as handle:
        head = (await handle.read(512)).lstrip().lower()
    return head.startswith(_HTML_STARTS)
