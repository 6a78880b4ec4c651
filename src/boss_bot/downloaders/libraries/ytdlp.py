"""yt-dlp, driven the way its README's "Embedding yt-dlp" section documents.

Runs inside a download child process only.
"""

import errno
import time
from collections.abc import Callable, Iterator
from typing import Any

import yt_dlp
from yt_dlp.networking.exceptions import HTTPError, TransportError
from yt_dlp.utils import DownloadError, GeoRestrictedError, UnsupportedError

from boss_bot.downloaders.fork_server.messages import JobSpec
from boss_bot.downloaders.libraries.classify import kind_for_status, kind_for_text
from boss_bot.downloaders.libraries.ffmpeg_options import ffmpeg_options
from boss_bot.downloaders.libraries.javascript import javascript_options
from boss_bot.downloaders.libraries.login import login_wall
from boss_bot.errors import DownloadFailedError, FailureKind

Emit = Callable[..., None]
LOCAL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EMFILE})


class _Logger:
    """Collects yt-dlp's messages so that a silent skip can be explained."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def debug(self, msg: str) -> None:
        """Keep the line (yt-dlp calls all four levels)."""
        self.lines.append(msg)

    info = warning = error = debug


def _options(spec: JobSpec, log: _Logger, hook: Callable[[dict[str, Any]], None]) -> dict:
    dest = spec["dest"]
    opts: dict[str, Any] = {
        "paths": {"home": dest, "temp": dest},
        "outtmpl": {"default": "%(title).80B%(playlist_index& {}|)s.%(ext)s"},
        "restrictfilenames": True,
        "noplaylist": True,
        "playlist_items": f"1:{spec['max_files']}",
        "max_filesize": spec["max_bytes"],
        "updatetime": False,
        "logger": log,
        "quiet": True,
        "noprogress": True,
        "progress_hooks": [hook],
        "socket_timeout": 30,
        "retries": 2,
        "cachedir": False,
        "proxy": "",
        "format": "bv*+ba/b" if spec.get("ffmpeg") else "b",
        "merge_output_format": "mp4",
    }
    opts.update(ffmpeg_options(spec.get("ffmpeg"), bool(spec.get("allow_private"))))
    if cookies := spec.get("cookies"):
        opts["cookiefile"] = cookies  # this child's copy: yt-dlp writes it back on exit
    opts.update(javascript_options())  # YouTube's challenges, solved offline by deno
    # The largest format under the limit, else the smallest. yt-dlp sorts video and audio
    # each on its own, so 85 % leaves the audio room in the merged file.
    if target := spec.get("target_bytes"):
        opts["format_sort"] = [f"size:{max(target * 85 // 100 // 1024, 1)}K"]
    return opts


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


def run(spec: JobSpec, emit: Emit) -> None:
    """Download ``spec['url']`` into ``spec['dest']``, reporting progress through ``emit``."""
    log = _Logger()
    last = [0.0]

    def hook(status: dict[str, Any]) -> None:
        now = time.monotonic()
        if status.get("status") == "downloading" and now - last[0] >= 0.25:
            last[0] = now
            total = status.get("total_bytes") or status.get("total_bytes_estimate")
            emit(event="progress", total=total, speed=status.get("speed"))

    try:
        # A plain dict: typeshed's TypedDict rejects the documented `cachedir: False`.
        with yt_dlp.YoutubeDL(_options(spec, log, hook)) as ydl:  # pyright: ignore[reportArgumentType]
            ydl.extract_info(spec["url"], download=True)
    except DownloadError as exc:
        raise classify(exc) from None
    skipped = [line for line in log.lines if "larger than max-filesize" in line]
    if skipped:
        raise DownloadFailedError(FailureKind.TOO_LARGE, skipped[0])
