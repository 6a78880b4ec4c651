"""The uv project boss-bot runs from, and what its ``uv.lock`` pins.

Read by ``core.versions`` (release dates) and ``bossbotctl upgrade`` (old → new).
"""

import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Locked:
    """One package as ``uv.lock`` pins it: its version and the upload date of its files."""

    version: str
    released: date | None


def find_project(start: Path = Path(__file__)) -> Path | None:
    """The uv project boss-bot runs from, or ``None`` (a ``uv tool install``, a pip install).

    That is the nearest folder above ``start`` with a ``pyproject.toml``, if that file
    names ``boss-bot`` and a ``uv.lock`` lies beside it.
    """
    for folder in start.resolve().parents:
        pyproject = folder / "pyproject.toml"
        if not pyproject.is_file():
            continue
        try:
            name = tomllib.loads(pyproject.read_text()).get("project", {}).get("name")
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            return None
        return folder if name == "boss-bot" and (folder / "uv.lock").is_file() else None
    return None


def _upload_date(package: dict) -> date | None:
    files = [package.get("sdist") or {}, *package.get("wheels", [])]
    times = sorted(str(f["upload-time"]) for f in files if "upload-time" in f)
    return datetime.fromisoformat(times[0]).date() if times else None


def locked_packages(lock: Path) -> dict[str, Locked]:
    """Every package pinned in a ``uv.lock``, by name; empty when it cannot be read."""
    try:
        packages = tomllib.loads(lock.read_text()).get("package", [])
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    return {
        p["name"]: Locked(str(p["version"]), _upload_date(p))
        for p in packages
        if "name" in p and "version" in p
    }
