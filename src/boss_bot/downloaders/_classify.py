"""Turning what the libraries report into a ``FailureKind``, by status and message."""

import re

from boss_bot.downloaders._guard import BLOCKED_MARKER
from boss_bot.errors import FailureKind

_BY_STATUS = {
    400: FailureKind.NOT_FOUND,
    401: FailureKind.FORBIDDEN,
    403: FailureKind.FORBIDDEN,
    404: FailureKind.NOT_FOUND,
    410: FailureKind.NOT_FOUND,
    451: FailureKind.FORBIDDEN,
    429: FailureKind.RATE_LIMITED,
}
_PATTERNS: list[tuple[re.Pattern[str], FailureKind]] = [
    (re.compile(re.escape(BLOCKED_MARKER)), FailureKind.BLOCKED),
    (re.compile(r"larger than (the )?(allowed )?max", re.I), FailureKind.TOO_LARGE),
    (re.compile(r"unsupported url|no suitable extractor|no extractor", re.I),
     FailureKind.UNSUPPORTED),
    (re.compile(r"private|login|log in|sign in|age.restrict|removed|members.only|geo", re.I),
     FailureKind.FORBIDDEN),
    (re.compile(r"timed? ?out|connection|network|resolve|unreachable|reset by peer|"
                r"remote end closed|incomplete read|ssl", re.I), FailureKind.NETWORK),
]  # fmt: skip
_HTTP_STATUS = re.compile(r"\b(?:HTTP Error |')?([45]\d\d)\b[: ]")


def kind_for_status(status: int) -> FailureKind:
    """Map an HTTP status code to a failure kind."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    return FailureKind.NETWORK if status >= 500 else FailureKind.UNKNOWN


def kind_for_text(text: str) -> FailureKind:
    """Map an error message (any library's) to a failure kind."""
    if BLOCKED_MARKER in text:
        return FailureKind.BLOCKED
    match = _HTTP_STATUS.search(text)
    if match:
        return kind_for_status(int(match.group(1)))
    for pattern, kind in _PATTERNS:
        if pattern.search(text):
            return kind
    return FailureKind.UNKNOWN
