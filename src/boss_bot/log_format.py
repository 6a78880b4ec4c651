"""Log line formats: text for humans, JSON for machines, and the file variant."""

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

import better_exceptions

if TYPE_CHECKING:
    from loguru import Record, RecordException  # loguru's record type exists in its stubs only

TEXT_FORMAT = (
    "{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {name}:{line} - {message}{extra[extra_str]}"
)


def as_json(record: "Record") -> str:
    """One JSON object a line: time, level, message, logger, bound context, traceback."""
    doc = {
        "time": record["time"].isoformat(),
        "level": record["level"].name,
        "message": record["message"],
        "logger": record["name"],
        **{k: v for k, v in record["extra"].items() if k not in INTERNAL},
    }
    if (exc := record["exception"]) is not None:
        doc["exception"] = _traceback(exc)
    return json.dumps(doc, default=str) + "\n"


def _traceback(exc: "RecordException") -> str:
    return "".join(better_exceptions.format_exception(exc.type, exc.value, exc.traceback))


REDACTOR: list[Callable[[str], str]] = [lambda text: text]  # set by setup_logging
INTERNAL = frozenset({"extra_str", "tb"})  # formatting state kept in ``extra``, not context


def file_format(record: "Record") -> str:
    """The text format for the log file, with secrets masked in the message and traceback."""
    record["message"] = REDACTOR[0](record["message"])
    fmt = text_format(record)
    for key in INTERNAL & record["extra"].keys():
        record["extra"][key] = REDACTOR[0](record["extra"][key])
    return fmt


def text_format(record: "Record") -> str:
    """The human format: time, level, origin, message, bound context, traceback."""
    extra = {k: v for k, v in record["extra"].items() if k not in INTERNAL}
    record["extra"]["extra_str"] = (" " + json.dumps(extra, default=str)) if extra else ""
    fmt = TEXT_FORMAT + "\n"
    if (exc := record["exception"]) is not None:
        record["extra"]["tb"] = _traceback(exc)
        fmt += "{extra[tb]}"
    return fmt
