"""yt-dlp, driven the way its README's "Embedding yt-dlp" section documents.

Runs inside a download child process only.
"""

import os
import time
from collections.abc import Callable, Mapping
from typing import Any

from yt_dlp.utils import DownloadError

from boss_bot.downloaders.fork_server.messages import JobSpec
from boss_bot.downloaders.libraries.ffmpeg_options import ffmpeg_options
from boss_bot.downloaders.libraries.javascript import javascript_options
from boss_bot.downloaders.libraries.pacing import BLOCKS, Pace
from boss_bot.downloaders.libraries.read_blocks import install as cap_reads
from boss_bot.downloaders.libraries.subtitles import described
from boss_bot.downloaders.libraries.ytdlp_failures import classify
from boss_bot.downloaders.libraries.ytdlp_lean import LeanYoutubeDL
from boss_bot.errors import DownloadFailedError, FailureKind

__all__ = ["classify", "run"]

Emit = Callable[..., None]


class _Logger:
    """Collects yt-dlp's messages so that a silent skip can be explained."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def debug(self, msg: str) -> None:
        """Keep the line (yt-dlp calls all four levels)."""
        self.lines.append(msg)

    info = warning = error = debug


def _options(spec: JobSpec, log: _Logger, hooks: list[Callable[[dict[str, Any]], None]]) -> dict:
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
        "progress_hooks": hooks,
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


def beyond(info: Mapping[str, Any] | None, max_files: int) -> dict[str, object] | None:
    """What a playlist longer than the file limit had (``playlist_count``), for ``done``."""
    found = (info or {}).get("playlist_count")
    if (info or {}).get("_type") == "playlist" and isinstance(found, int) and found > max_files:
        return {"more": True, "found": found}
    return None


def run(spec: JobSpec, emit: Emit, pace: Pace | None = None) -> dict[str, object] | None:
    """Download ``spec['url']`` into ``spec['dest']``, reporting progress through ``emit``.

    Each finished file (after its post-processing) is reported as an ``item``, then what
    the info dict says about the media as ``info`` (the card's facts, with the captions
    when the job asks: ``subtitles``). With a ``pace``, every block waits for it (the
    job's share of the bandwidth).

    Returns:
        Fields for the ``done`` event (``ChildEvent``) when a playlist had more items
        than were taken.
    """
    log, started = _Logger(), time.monotonic()
    last = [0.0]

    def hook(status: dict[str, Any]) -> None:
        now = time.monotonic()
        if status.get("status") == "downloading" and now - last[0] >= 0.25:
            last[0] = now
            total = status.get("total_bytes") or status.get("total_bytes_estimate")
            emit(event="progress", total=total, speed=status.get("speed"))

    opts = _options(spec, log, [hook] if pace is None else [hook, pace.ytdlp_hook])
    if pace is not None:
        opts.update(BLOCKS)  # even reads: the pace waits after each
    cap_reads()
    try:
        with LeanYoutubeDL(opts) as ydl:  # the extractor the server found, if it did:
            ydl.add_post_hook(lambda path: emit(event="item", name=os.path.basename(path)))
            info = ydl.extract_info(spec["url"], download=True, ie_key=spec.get("extractor"))
            card = described(ydl, info, spec, time.monotonic() - started)
    except DownloadError as exc:
        raise classify(exc) from None
    emit(event="info", card=card)
    skipped = [line for line in log.lines if "larger than max-filesize" in line]
    if skipped:
        raise DownloadFailedError(FailureKind.TOO_LARGE, skipped[0])
    return beyond(info, spec["max_files"])
