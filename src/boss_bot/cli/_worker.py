"""``bossbotctl worker``: run downloads for the gateways that share BOSS_BOT_BROKER_URL."""

import asyncio
import faulthandler
import signal
from typing import Annotated

import typer

from boss_bot.cli._common import fail, settings_or_exit
from boss_bot.core.storage.paths import Storage
from boss_bot.core.storage.single_run import RunLock
from boss_bot.errors import ConfigError
from boss_bot.log import setup_logging
from boss_bot.settings import BotSettings


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
        with RunLock(Storage(settings.data_dir).worker.run_lock, "worker"):
            broker = settings.broker_url.get_secret_value()
            _serve(settings, token, broker, concurrency or settings.worker_concurrency)
    except ConfigError as exc:
        fail(str(exc))


def _serve(settings: BotSettings, token: str, broker: str, concurrency: int) -> None:
    """Set up logging (the token and the broker's URL masked) and run jobs until stopped."""
    setup_logging(settings.log_level, settings.log_format, secrets=[token, broker])
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    try:
        from boss_bot.bot.working import serve_worker
    except ImportError:
        fail("The worker needs the workers extra: uv sync --extra workers")
    asyncio.run(serve_worker(settings, token, concurrency))
