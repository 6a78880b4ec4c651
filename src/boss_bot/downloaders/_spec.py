"""What one child is given: its ``JobSpec``, with a copy of the cookies file of its own.

yt-dlp writes the cookies it ends with back into the file it was given, and jobs run
side by side: each child gets a private copy (mode 600), next to its job directory,
never in it (everything there is taken for downloaded media), removed when it ends.
"""

import contextlib
from collections.abc import Iterator
from pathlib import Path

from loguru import logger

from boss_bot.core.cookies import CookiesFormatError, private_copy
from boss_bot.core.ports import JobLimits
from boss_bot.downloaders.fork_server.messages import JobSpec


def _copy(limits: JobLimits, dest: Path) -> Path | None:
    """Copy the cookies file (a few kB: done at once, so a cancel cannot orphan it)."""
    if limits.cookies is None:
        return None
    try:
        return private_copy(limits.cookies, dest)
    except (CookiesFormatError, OSError) as exc:  # neither quotes the file's content
        logger.warning("cookies file {} not used: {}", limits.cookies, exc)
        return None


@contextlib.contextmanager
def child_spec(engine: str, url: str, dest: Path, limits: JobLimits) -> Iterator[JobSpec]:
    """The spec of one child running ``engine`` on ``url``; its cookies go with the block."""
    copy = _copy(limits, dest)
    try:
        yield {
            "engine": engine,
            "url": url,
            "dest": str(dest),
            "max_bytes": limits.max_bytes,
            "max_files": limits.max_files,
            "allow_private": limits.allow_private,
            "ffmpeg": limits.ffmpeg,
            "timeout": limits.timeout,
            "target_bytes": limits.target_bytes,
            "cookies": str(copy) if copy else None,
            "subtitle_langs": list(limits.subtitle_langs),
        }
    finally:
        if copy is not None:
            copy.unlink(missing_ok=True)
