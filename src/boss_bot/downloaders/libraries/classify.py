"""Turning what the libraries report into a ``FailureKind``, by status and message."""

import re

from boss_bot.downloaders.libraries import _platform_patterns
from boss_bot.downloaders.libraries.guard import BLOCKED_MARKER
from boss_bot.downloaders.libraries.login import LOGIN_WALL, login_wall
from boss_bot.errors import FailureKind

_BY_STATUS = {
    400: FailureKind.NOT_FOUND,
    401: FailureKind.LOGIN_REQUIRED,
    403: FailureKind.FORBIDDEN,
    404: FailureKind.NOT_FOUND,
    410: FailureKind.REMOVED,
    429: FailureKind.RATE_LIMITED,
    451: FailureKind.GEO_BLOCKED,
}
# First match wins: age and bot checks before private ("sign in to confirm your age",
# "sign in to confirm you're not a bot"); the generic "video unavailable" last.
_PATTERNS: list[tuple[re.Pattern[str], FailureKind]] = [
    (re.compile(re.escape(BLOCKED_MARKER)), FailureKind.BLOCKED),
    (re.compile(r"larger than (the )?(allowed )?max", re.I), FailureKind.TOO_LARGE),
    (
        re.compile(r"unsupported url|no suitable extractor|no extractor", re.I),
        FailureKind.UNSUPPORTED,
    ),
    *_platform_patterns.PATTERNS,  # no such host, broken extractors, platforms' own words
    (
        re.compile(
            r"geo.?restrict|geo.?block|available (from|in) your (location|country|region)", re.I
        ),
        FailureKind.GEO_BLOCKED,
    ),
    (
        re.compile(r"age.?restrict|confirm your age|age.?gate|inappropriate for some users", re.I),
        FailureKind.AGE_RESTRICTED,
    ),
    (LOGIN_WALL, FailureKind.LOGIN_REQUIRED),  # before "not a bot": YouTube's wants cookies
    (re.compile(r"not a bot|captcha|challenge", re.I), FailureKind.CHALLENGE),
    (re.compile(r"removed|deleted|no longer available|been terminated", re.I), FailureKind.REMOVED),
    (
        re.compile(
            r"private|login|log in|sign in|members.only|credentials|authoriz|authenticat"
            r"|cookies",
            re.I,
        ),
        FailureKind.PRIVATE,
    ),
    (re.compile(r"video unavailable", re.I), FailureKind.REMOVED),
    (re.compile(r"could not be found|does not exist", re.I), FailureKind.NOT_FOUND),
    (
        re.compile(r"redirect loop|exceeded \d+ redirects|too many redirects", re.I),
        FailureKind.REDIRECTS,
    ),
    (
        re.compile(
            r"timed? ?out|connection|network|resolve|unreachable|reset by peer|"
            r"remote end closed|incomplete read|more expected|ssl",
            re.I,
        ),
        FailureKind.NETWORK,
    ),
]
_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.I)
_HTTP_STATUS = re.compile(r"(?:HTTP Error |')([345]\d\d)\b[: ]")  # yt-dlp's and gallery-dl's


def kind_for_status(status: int) -> FailureKind:
    """Map an HTTP status code to a failure kind."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if 300 <= status < 400:  # a redirect reported as an error: a loop
        return FailureKind.REDIRECTS
    return FailureKind.SERVER_ERROR if status >= 500 else FailureKind.UNKNOWN


def kind_for_text(text: str) -> FailureKind:
    """Map an error message (any library's) to a failure kind.

    URLs are dropped first: a subreddit called "private" says nothing about the post.
    """
    if BLOCKED_MARKER in text:
        return FailureKind.BLOCKED
    text = _URL.sub("<url>", text)
    match = _HTTP_STATUS.search(text)
    if match:
        return login_wall(kind_for_status(int(match.group(1))), text)
    for pattern, kind in _PATTERNS:
        if pattern.search(text):
            return kind
    return FailureKind.UNKNOWN


_AUTH, _CHALLENGE, _OSERROR = 16, 8, 128  # gallery-dl DownloadJob.run()'s status bits
LOCAL_TROUBLE = re.compile(r"no space left|read-only file system|quota exceeded", re.I)


def kind_for_status_bits(status: int, detail: str) -> FailureKind:
    """Map ``DownloadJob.run()``'s status and gallery-dl's messages to a failure kind."""
    if LOCAL_TROUBLE.search(detail):  # our disk, not the site: not worth retrying
        return FailureKind.UNKNOWN
    if status & _CHALLENGE:  # its message also carries the 403 the challenge came with
        return FailureKind.CHALLENGE
    if status & _AUTH:  # AuthRequired, AuthenticationError, AuthorizationError
        return FailureKind.LOGIN_REQUIRED
    kind = kind_for_text(detail)
    if kind is not FailureKind.UNKNOWN:
        return kind
    return FailureKind.NETWORK if status & _OSERROR else FailureKind.UNKNOWN
