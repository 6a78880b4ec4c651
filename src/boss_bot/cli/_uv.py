"""What ``bossbotctl upgrade`` runs: which uv, and the ``uv lock`` and ``uv sync`` commands.

``uv sync`` is exact by default: it removes what the chosen extras and groups do not
name. The environment does not record how it was synced, so the groups and extras whose
packages are all installed are taken as synced, and ``--inexact`` keeps anything else.
"""

import importlib
import os
import re
import shutil
import sys
import tomllib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from boss_bot.core.versions import LIBRARIES

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def find_uv() -> str | None:
    """Find uv: as ``uv run`` names it (``$UV``), on PATH, beside Python, or its package."""
    for candidate in (os.environ.get("UV"), shutil.which("uv")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    beside = Path(sys.executable).with_name("uv")
    if os.access(beside, os.X_OK):
        return str(beside)
    try:  # the `uv` package on PyPI ships the binary and says where it is
        return str(importlib.import_module("uv").find_uv_bin())
    except (ImportError, AttributeError, FileNotFoundError):
        return None


def _installed(requirements: list[object]) -> bool:
    """Whether every named requirement is installed (includes of other groups skipped)."""
    for requirement in requirements:
        if isinstance(requirement, str) and (name := _NAME.match(requirement)):
            try:
                version(name.group())
            except PackageNotFoundError:
                return False
    return True


def sync_selection(pyproject: dict) -> list[str]:
    """The ``uv sync`` options that select the extras and groups installed now."""
    groups = pyproject.get("dependency-groups", {})
    defaults = pyproject.get("tool", {}).get("uv", {}).get("default-groups", ["dev"])
    defaults = list(groups) if defaults == "all" else defaults
    present = [name for name, reqs in groups.items() if _installed(reqs)]
    options = []
    if set(present) != set(defaults) & set(groups):
        options = ["--no-default-groups", *(f"--group={name}" for name in present)]
    extras = pyproject.get("project", {}).get("optional-dependencies", {})
    return options + [f"--extra={name}" for name, reqs in extras.items() if _installed(reqs)]


@dataclass(frozen=True, slots=True)
class UpgradePlan:
    """The commands that upgrade the downloaders in ``project``, and their environment.

    Attributes:
        project: The folder with ``pyproject.toml`` and ``uv.lock``.
        commands: ``uv lock --upgrade-package …``, then ``uv sync …``.
        environment: Variables set for the commands (the environment to sync into,
            when the bot runs from another one than the project's ``.venv``).
    """

    project: Path
    commands: tuple[tuple[str, ...], ...]
    environment: dict[str, str]


def plan(project: Path, uv: str, *, this_environment: bool) -> UpgradePlan:
    """Plan the upgrade of yt-dlp and gallery-dl in ``project``.

    Args:
        project: The uv project.
        uv: The uv binary to run.
        this_environment: Sync into the environment running this program (the bot's)
            rather than the one uv would pick, when they differ.
    """
    upgrades = [part for name in LIBRARIES for part in ("--upgrade-package", name)]
    pyproject = tomllib.loads((project / "pyproject.toml").read_text())
    lock = (uv, "lock", *upgrades)
    sync = (uv, "sync", "--locked", "--inexact", *sync_selection(pyproject))
    environment = {}
    running = Path(sys.prefix).resolve()
    in_venv = sys.prefix != sys.base_prefix
    if this_environment and in_venv and running != (project / ".venv").resolve():
        environment["UV_PROJECT_ENVIRONMENT"] = str(running)
    return UpgradePlan(project, (lock, sync), environment)
