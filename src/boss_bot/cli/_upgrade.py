"""``bossbotctl upgrade``: newer yt-dlp and gallery-dl in the project's lock and environment.

Runs ``uv lock --upgrade-package yt-dlp --upgrade-package gallery-dl`` and ``uv sync``
in the uv project the bot runs from, prints old → new versions read from ``uv.lock``,
and says to restart: the running bot keeps the versions it imported at its start.
Without a uv project (``uv tool install``, pip) it changes nothing and says what to run.
"""

import os
import shlex
import subprocess
import sys
from pathlib import Path

import typer

from boss_bot.cli._common import fail
from boss_bot.cli._uv import UpgradePlan, find_uv, plan
from boss_bot.core.uv_lock import find_project, locked_packages
from boss_bot.core.versions import LIBRARIES

RESTART = (
    "Restart the bot to use them: `$restart` in Discord (bot owner; your prefix may differ), "
    "or restart its service (e.g. `sudo systemctl restart boss-bot`)."
)
NO_UV = "uv not found: install it (https://docs.astral.sh/uv/getting-started/installation/)"


def _locked(project: Path) -> dict[str, str]:
    pinned = locked_packages(project / "uv.lock")
    return {name: pinned[name].version if name in pinned else "not locked" for name in LIBRARIES}


def _shown(command: tuple[str, ...], upgrade: UpgradePlan) -> str:
    settings = [f"{name}={shlex.quote(value)}" for name, value in upgrade.environment.items()]
    return " ".join([*settings, shlex.join(command)])


def _elsewhere() -> str:
    """What to run when boss-bot is not installed from a uv project."""
    packages = " ".join(LIBRARIES)
    return (
        "this bot is not installed from a uv project (no pyproject.toml and uv.lock above "
        "the installed package), so there is no lock to upgrade; nothing was changed. "
        "Installed with `uv tool install`: run `uv tool upgrade boss-bot`. Installed with "
        f"pip: run `{shlex.quote(sys.executable)} -m pip install --upgrade {packages}`. "
        "Then restart the bot."
    )


def upgrade(project: Path | None, *, dry_run: bool) -> None:
    """Upgrade (or with ``dry_run`` only show how) the downloaders of ``project``.

    Args:
        project: The uv project; ``None`` for the one this program runs from.
        dry_run: Print the current versions and the commands; run and change nothing.
    """
    root = project.resolve() if project else find_project()
    if root is None or not (root / "uv.lock").is_file():
        fail(_elsewhere() if project is None else f"no uv.lock in {project}", code=1)
    uv = find_uv()
    if uv is None and not dry_run:
        fail(NO_UV + "; nothing was changed", code=1)
    steps = plan(root, uv or "uv", this_environment=project is None)
    before = _locked(root)
    typer.echo(f"Project: {root}")
    typer.echo("Locked now: " + ", ".join(f"{n} {v}" for n, v in before.items()))
    if dry_run:
        typer.echo(f"Would run, in {root}:")
        for command in steps.commands:
            typer.echo(f"  {_shown(command, steps)}")
        typer.echo(("" if uv else NO_UV + ". ") + "Dry run: nothing was changed.")
        return
    environment = {**os.environ, **steps.environment}
    for number, command in enumerate(steps.commands):
        typer.echo(f"$ {_shown(command, steps)}")
        done = subprocess.run(command, cwd=root, env=environment, check=False)
        if done.returncode != 0 and number == 0:
            fail(f"uv lock failed (exit {done.returncode}); nothing was changed", code=1)
        if done.returncode != 0:
            fail(
                f"uv sync failed (exit {done.returncode}): uv.lock is upgraded but the "
                f"environment is not; fix the cause, then run `uv sync` in {root}",
                code=1,
            )
    after = _locked(root)
    for name, old in before.items():
        new = after[name]
        typer.echo(f"{name} {old} → {new}" if new != old else f"{name} {old} (already newest)")
    if after == before:
        typer.echo("Nothing changed: no restart needed.")
    else:
        typer.echo(RESTART)
