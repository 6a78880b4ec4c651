"""Values a remote site gave us, made safe to carry: types checked, lengths capped, links web.

yt-dlp's info dict and gallery-dl's metadata come from the site: any key may hold any
type, any length, any scheme. The download child cleans them before sending them to
the bot, and the bot checks them again on receipt; both use these functions.
"""

import math
import unicodedata
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

MAX_URL_CHARS = 2000  # Discord refuses longer links in embeds
HIDDEN = frozenset({"Cc", "Cf", "Co", "Cs"})  # controls, bidi overrides, private use, halves
MAX_SECONDS = 100 * 24 * 3600.0


def text(value: object, cap: int, *, lines: bool = False) -> str:
    """``value`` if it is a string: hidden characters dropped, at most ``cap`` characters.

    Line breaks are kept with ``lines`` (a description), otherwise made spaces.
    """
    if not isinstance(value, str):
        return ""
    breaks = "" if lines else "\n"
    kept = (
        " " if char in "\t\r\u2028\u2029" + breaks else char
        for char in value[: cap * 2]
        if char in "\n\t\r" or unicodedata.category(char) not in HIDDEN
    )
    return "".join(kept).strip()[:cap]


def texts(values: object, cap: int, count: int) -> tuple[str, ...]:
    """The strings of a list, each as ``text`` keeps it; empty ones and repeats dropped.

    At most ``count`` are kept (and only the first ``count * 4`` are looked at).
    """
    if not isinstance(values, list | tuple):
        return ()
    kept = (text(value, cap) for value in values[: count * 4])
    return tuple(dict.fromkeys(value for value in kept if value))[:count]


def web_link(value: object) -> str:
    """``value`` if it is an absolute http(s) link with a host and no spaces, else ``""``."""
    if not isinstance(value, str) or len(value) > MAX_URL_CHARS:
        return ""
    if any(char.isspace() or unicodedata.category(char) in HIDDEN for char in value):
        return ""
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return ""
    return value if parts.scheme in ("http", "https") and host else ""


def seconds(value: object) -> float | None:
    """A duration: a finite, positive number of seconds under 100 days, else ``None``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and 0 < number < MAX_SECONDS else None


def day(value: object) -> date | None:
    """A calendar day from ``YYYYMMDD``, ``YYYY-MM-DD…``, a Unix time or a date(time)."""
    try:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.fromtimestamp(value, UTC).date()
        if isinstance(value, str) and len(value) == 8 and value.isdigit():
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        if isinstance(value, str) and len(value) >= 10:
            return date.fromisoformat(value[:10])
    except (ValueError, OverflowError, OSError):
        return None
    return None
