"""The installed yt-dlp and gallery-dl: versions, release dates, and when they are too old.

Shared by ``$health``, ``bossbotctl doctor``, ``bossbotctl upgrade`` and the restart
notice. Versions come from the installed distributions. yt-dlp's version is its release
date; any other release date is the upload time of the locked file in the project's
``uv.lock``, when the bot runs from a uv project and the lock holds the installed version.
"""

import re
from dataclasses import dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from boss_bot.core.uv_lock import find_project, locked_packages

LIBRARIES = ("yt-dlp", "gallery-dl")
_DATED = re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})")


@dataclass(frozen=True, slots=True)
class LibraryVersion:
    """One downloader library as installed; ``version`` is ``None`` when it is not."""

    name: str
    version: str | None
    released: date | None

    def describe(self, today: date) -> str:
        """``yt-dlp 2026.10.26 (released 2026-10-26, 37 days ago)``, or what is unknown."""
        if self.version is None:
            return f"{self.name} is not installed"
        if self.released is None:
            return f"{self.name} {self.version} (release date unknown)"
        days = (today - self.released).days
        return f"{self.name} {self.version} (released {self.released}, {days} days ago)"

    def too_old(self, today: date, max_age_days: int, prefix: str = "$") -> str | None:
        """The warning when this release is over ``max_age_days`` old, else ``None``."""
        if self.version is None or self.released is None:
            return None
        days = (today - self.released).days
        if days <= max_age_days:
            return None
        return (
            f"{self.name} {self.version} is {days} days old: sites change often; "
            f"run `bossbotctl upgrade` and `{prefix}restart`"
        )


def _installed(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def installed_versions() -> dict[str, str | None]:
    """yt-dlp's and gallery-dl's installed versions (``None``: missing); no lock is read."""
    return {name: _installed(name) for name in LIBRARIES}


def library_versions(project: Path | None = None) -> list[LibraryVersion]:
    """yt-dlp and gallery-dl as installed, with their release dates where known.

    Dated by version (yt-dlp) or by ``project``'s lock (default: :func:`find_project`'s).
    Reads files: call it off the event loop.
    """
    root = project or find_project()
    locked = locked_packages(root / "uv.lock") if root else {}
    found = []
    for name in LIBRARIES:
        installed = _installed(name)
        released = None
        if installed and (dated := _DATED.match(installed)) and name == "yt-dlp":
            released = date(*map(int, dated.groups()))
        elif installed and (pinned := locked.get(name)) and pinned.version == installed:
            released = pinned.released
        found.append(LibraryVersion(name, installed, released))
    return found
