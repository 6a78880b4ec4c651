"""``bossbotctl worker``: run downloads for the gateways that share BOSS_BOT_BROKER_URL."""

import asyncio
import faulthandler
import signal
from typing import Annotated

import typer

from boss_bot.cli._common import fail, settings_or_exit
from boss_bot.errors import ConfigError
from boss_bot.log import setup_logging


def worker(
    concurrency: Annotated[
        int | None,
        typer.Option(
            "--concurrency",
            "-c",
            min=1,
            max=50,
            help="Jobs to run at once (default BOSS_BOT_WORKER_CONCURRENCY).",
        ),
    ] = None,
) -> None:
    """Run download jobs handed out through Redis (the distributed mode)."""
    settings = settings_or_exit()
    if settings.broker_url is None:
        fail("Set BOSS_BOT_BROKER_URL (redis://:password@host:6379/0) to run a worker.")
    try:
        token = settings.token()
    except ConfigError as exc:
        fail(str(exc))
    secrets = [token, settings.broker_url.get_secret_value()]
    setup_logging(settings.log_level, settings.log_format, secrets=secrets)
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    try:
        from boss_bot.bot.working import serve_worker
    except ImportError:
        fail("The worker needs the workers extra: uv sync --extra workers")
    try:
        asyncio.run(serve_worker(settings, token, concurrency or settings.worker_concurrency))
    except ConfigError as exc:
        fail(str(exc))
