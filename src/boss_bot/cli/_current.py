"""The ``bossbotctl`` commands that keep the downloaders current: ``upgrade``, ``selftest``."""

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from boss_bot.cli._common import fail, settings_or_exit
from boss_bot.log import setup_logging


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


def selftest(
    live: Annotated[
        bool,
        typer.Option("--live", help="Use the list kept in the repository (needs the internet)."),
    ] = False,
    urls: Annotated[
        Path | None,
        typer.Option(
            "--urls",
            exists=True,
            dir_okay=False,
            metavar="FILE",
            help="Take the list from FILE instead: one 'platform url' per line.",
        ),
    ] = None,
) -> None:
    """Download one small item per platform, as the bot would; print what worked and hints."""
    if not live and urls is None:
        fail(
            "selftest downloads real posts from the internet: run `bossbotctl selftest "
            "--live`, or give your own list with --urls FILE"
        )
    settings = settings_or_exit()
    setup_logging("WARNING", settings.log_format)
    from rich.console import Console

    from boss_bot.cli._selftest import live_links, read_links, run_selftest
    from boss_bot.cli._selftest_report import print_report

    try:
        links = read_links(urls.read_text() if urls else live_links())
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read the list of links: {exc}")
    rows = asyncio.run(run_selftest(settings, links))
    raise typer.Exit(1 if print_report(rows, Console(width=200)) else 0)
