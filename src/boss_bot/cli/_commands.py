"""The ``bossbotctl`` commands: thin wrappers that build settings and call the work."""

import asyncio
import faulthandler
import signal
from pathlib import Path
from typing import Annotated

import typer

from boss_bot.cli._common import fail, settings_or_exit
from boss_bot.core.storage.paths import Storage
from boss_bot.core.storage.single_run import RunLock
from boss_bot.errors import ConfigError
from boss_bot.log import LogFile, setup_logging
from boss_bot.settings import BotSettings


def run() -> None:
    """Start the bot (settings from the environment and .env)."""
    settings = settings_or_exit()
    try:
        token = settings.token()
        # the first thing taken, the last let go: released before `$restart` runs again
        with RunLock(Storage(settings.data_dir, settings.shard_tag).run_lock, "bot"):
            restart = _serve(settings, token)
    except ConfigError as exc:
        fail(str(exc))
    if restart:  # `$restart`: everything is closed; the same command line, in this process
        from boss_bot.cli._restart import restart_in_place

        restart_in_place()


def _serve(settings: BotSettings, token: str) -> bool:
    """Set up logging and serve; whether to restart (see ``bot.serve.serve``)."""
    log_file = None
    if settings.log_file is not None:
        log_file = LogFile(settings.log_file, settings.log_rotation, settings.log_retention)
    broker = [settings.broker_url.get_secret_value()] if settings.broker_url else []
    secrets = [token, *broker, *settings.search_secrets()]
    setup_logging(settings.log_level, settings.log_format, secrets=secrets, file=log_file)
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # `kill -USR1`: dump stacks
    from boss_bot.bot.serve import serve

    return asyncio.run(serve(settings, token))


def download(
    url: Annotated[str, typer.Argument(help="The link to download.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory for the files.", file_okay=False)
    ] = Path(),
    fit_mb: Annotated[
        float | None,
        typer.Option(
            "--fit",
            metavar="MB",
            min=0.1,
            help="Shrink files over MB (MiB), as for "
            "a Discord server with that upload limit (10 unboosted).",
        ),
    ] = None,
) -> None:
    """Download a link with the bot's pipeline, without Discord, and print the files."""
    settings = settings_or_exit()
    setup_logging("WARNING", settings.log_format)
    from boss_bot.cli._download import download_to

    limit = int(fit_mb * 1024 * 1024) if fit_mb else None
    code = asyncio.run(download_to(settings, url, output, limit))
    raise typer.Exit(code)


def doctor() -> None:
    """Check configuration, data directory, ffmpeg, gallery-dl and yt-dlp."""
    from boss_bot.cli._doctor import checks

    settings = settings_or_exit()
    failed = False
    for ok, name, detail in checks(settings):
        failed |= ok is False
        mark = {True: "ok  ", False: "FAIL", None: "warn"}[ok]
        typer.echo(f"[{mark}] {name}: {detail}")
    raise typer.Exit(1 if failed else 0)


def show_config() -> None:
    """Print the effective settings, secrets masked, as BOSS_BOT_* lines."""
    settings = settings_or_exit()
    for name, value in settings.model_dump().items():
        shown = "" if value is None else value
        if "token" in name and value is not None:
            shown = "**********"
        typer.echo(f"BOSS_BOT_{name.upper()}={shown}")


def queue() -> None:
    """List the persisted queue: id, guild, user, status, age and url of each job."""
    from rich.console import Console

    from boss_bot.cli._queue import show_queue

    show_queue(settings_or_exit(), Console(width=200))
