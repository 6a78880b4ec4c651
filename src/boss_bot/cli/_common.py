"""Helpers shared by the ``bossbotctl`` commands."""

from typing import NoReturn

import typer

from boss_bot.errors import ConfigError
from boss_bot.settings import BotSettings, load_settings


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one clear line to stderr and exit non-zero."""
    typer.echo(f"bossbotctl: {message}", err=True)
    raise typer.Exit(code)


def settings_or_exit() -> BotSettings:
    """Load settings, or exit with the one-line reason they are invalid."""
    try:
        return load_settings()
    except ConfigError as exc:
        fail(f"configuration error: {exc}")
