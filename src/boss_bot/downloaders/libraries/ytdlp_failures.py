"""yt-dlp's errors sorted into failure kinds (runs in a download child)."""

import errno
from collections.abc import Iterator

from yt_dlp.networking.exceptions import HTTPError, TransportError
from yt_dlp.utils import DownloadError, GeoRestrictedError, UnsupportedError

from boss_bot.downloaders.libraries.classify import kind_for_status, kind_for_text
from boss_bot.downloaders.libraries.login import login_wall
from boss_bot.errors import DownloadFailedError, FailureKind

LOCAL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EMFILE})


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        nxt = getattr(exc, "exc_info", None)
        exc = (nxt[1] if nxt else None) or getattr(exc, "cause", None) or exc.__cause__


def classify(exc: DownloadError) -> DownloadFailedError:
    """Map a yt-dlp ``DownloadError`` to a failure with a kind."""
    detail = str(exc)
    for cause in _chain(exc):
        if isinstance(cause, HTTPError):
            return DownloadFailedError(login_wall(kind_for_status(cause.status), detail), detail)
        if isinstance(cause, GeoRestrictedError):
            return DownloadFailedError(FailureKind.GEO_BLOCKED, detail)
        if isinstance(cause, UnsupportedError):
            return DownloadFailedError(FailureKind.UNSUPPORTED, detail)
        if isinstance(cause, OSError) and cause.errno in LOCAL_ERRNOS:
            return DownloadFailedError(FailureKind.UNKNOWN, detail)  # our disk, not the site
        if isinstance(cause, TransportError | OSError):
            kind = kind_for_text(f"{detail} {cause!r}")
            kept = kind in (FailureKind.BLOCKED, FailureKind.NO_SUCH_SITE)
            return DownloadFailedError(kind if kept else FailureKind.NETWORK, detail)
    return DownloadFailedError(kind_for_text(detail), detail)
