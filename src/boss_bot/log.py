"""Logging: loguru for everything, stdlib logging (discord.py) routed into it.

Tracebacks are rendered by better-exceptions, and every line passes through a
redactor so that secrets (the bot token) never reach the log.
"""

import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import better_exceptions
from loguru import logger

from boss_bot.log_format import REDACTOR, as_json, file_format, text_format


@dataclass(frozen=True, slots=True)
class LogFile:
    """A log file, rotated at ``rotation`` (e.g. "10 MB") and kept for ``retention``."""

    path: Path
    rotation: str = "10 MB"
    retention: str = "14 days"


class InterceptHandler(logging.Handler):
    """Send records from the standard ``logging`` module to loguru."""

    def emit(self, record: logging.LogRecord) -> None:
        """Forward one stdlib record, keeping its level and origin."""
        try:
            level: str | int = logger.level(record.levelname).name
        except ValueError:
            level = record.levelno
        logger.opt(depth=6, exception=record.exc_info).log(level, record.getMessage())


class RedactingSink:
    """A loguru sink that replaces secrets with ``[REDACTED]`` before writing."""

    def __init__(self, stream: TextIO, secrets: Iterable[str], json_lines: bool = False) -> None:
        self._stream = stream
        self._secrets = [s for s in secrets if s and len(s) >= 4]
        self._json = json_lines

    def redact(self, text: str) -> str:
        """Return ``text`` with every known secret masked."""
        for secret in self._secrets:
            text = text.replace(secret, "[REDACTED]")
        return text

    def __call__(self, message: Any) -> None:
        """Write one formatted loguru message."""
        text = as_json(message.record) if self._json else str(message)
        self._stream.write(self.redact(text))
        self._stream.flush()


def setup_logging(
    level: str = "INFO",
    fmt: str = "text",
    secrets: Iterable[str] = (),
    stream: TextIO | None = None,
    file: LogFile | None = None,
) -> Callable[[str], str]:
    """Configure loguru and intercept stdlib logging.

    Args:
        level: Minimum level name.
        fmt: ``text`` for humans, ``json`` for one JSON object a line.
        secrets: Strings that must never be written (the token).
        stream: Where to write; standard error by default.
        file: Also write text logs to this file, rotated and pruned.

    Returns:
        The redaction function, for other places that print text.
    """
    better_exceptions.MAX_LENGTH = None
    sink = RedactingSink(stream or sys.stderr, secrets, json_lines=fmt == "json")
    logger.remove()
    logger.add(sink, level=level, format=text_format, backtrace=False, diagnose=False)
    REDACTOR[0] = sink.redact
    if file is not None:
        logger.add(
            file.path,
            level=level,
            format=file_format,
            rotation=file.rotation,
            retention=file.retention,
            backtrace=False,
            diagnose=False,
            encoding="utf-8",
        )
    logging.basicConfig(handlers=[InterceptHandler()], level=logging.INFO, force=True)
    for noisy in ("discord.gateway", "discord.http"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return sink.redact
