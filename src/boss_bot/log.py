"""Logging: loguru for everything, stdlib logging (discord.py) routed into it.

Tracebacks are rendered by better-exceptions, and every line passes through a
redactor so that secrets (the bot token) never reach the log.
"""

import json
import logging
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

import better_exceptions
from loguru import logger

TEXT_FORMAT = (
    "{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {name}:{line} - {message}{extra[extra_str]}"
)


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
        text = _as_json(message.record) if self._json else str(message)
        self._stream.write(self.redact(text))
        self._stream.flush()


def _as_json(record: dict[str, Any]) -> str:
    doc = {
        "time": record["time"].isoformat(),
        "level": record["level"].name,
        "message": record["message"],
        "logger": record["name"],
        **{k: v for k, v in record["extra"].items() if k != "extra_str"},
    }
    if record["exception"] is not None:
        doc["exception"] = _traceback(record)
    return json.dumps(doc, default=str) + "\n"


def _traceback(record: dict[str, Any]) -> str:
    exc = record["exception"]
    return "".join(better_exceptions.format_exception(exc.type, exc.value, exc.traceback))


def _format(record: dict[str, Any]) -> str:
    extra = {k: v for k, v in record["extra"].items() if k != "extra_str"}
    record["extra"]["extra_str"] = (" " + json.dumps(extra, default=str)) if extra else ""
    fmt = TEXT_FORMAT + "\n"
    if record["exception"] is not None:
        record["extra"]["tb"] = _traceback(record)
        fmt += "{extra[tb]}"
    return fmt


def setup_logging(
    level: str = "INFO",
    fmt: str = "text",
    secrets: Iterable[str] = (),
    stream: TextIO | None = None,
) -> Callable[[str], str]:
    """Configure loguru and intercept stdlib logging.

    Args:
        level: Minimum level name.
        fmt: ``text`` for humans, ``json`` for one JSON object a line.
        secrets: Strings that must never be written (the token).
        stream: Where to write; standard error by default.

    Returns:
        The redaction function, for other places that print text.
    """
    better_exceptions.MAX_LENGTH = None
    sink = RedactingSink(stream or sys.stderr, secrets, json_lines=fmt == "json")
    logger.remove()
    logger.add(sink, level=level, format=_format, backtrace=False, diagnose=False)
    logging.basicConfig(handlers=[InterceptHandler()], level=logging.INFO, force=True)
    for noisy in ("discord.gateway", "discord.http"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return sink.redact
