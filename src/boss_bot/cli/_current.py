"""The ``bossbotctl`` commands that keep the downloaders current: ``upgrade``, ``selftest``."""

from pathlib import Path
from typing import Annotated

import typer


def upgrade(
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Show the versions and the commands; change nothing."),
    ] = False,
    project: Annotated[
        Path | None,
        typer.Option(
            "--project",
            file_okay=False,
            help="The boss-bot uv project (default: the one this bossbotctl runs from).",
        ),
    ] = None,
) -> None:
    """Upgrade yt-dlp and gallery-dl (uv.lock and environment); then restart the bot."""
    from boss_bot.cli._upgrade import upgrade as run_upgrade

    run_upgrade(project, dry_run=dry_run)
