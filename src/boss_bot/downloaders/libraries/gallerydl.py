"""gallery-dl, driven through ``gallery_dl.job.DownloadJob`` as its own CLI does.

Runs inside a download child process only, so the process-global config below
belongs to this one job.
"""

import logging
from typing import Any

from gallery_dl import config, exception

from boss_bot.downloaders.fork_server.messages import JobSpec
from boss_bot.downloaders.libraries.card_facts import from_gallerydl, guarded
from boss_bot.downloaders.libraries.classify import kind_for_status_bits
from boss_bot.downloaders.libraries.ffmpeg_options import ffmpeg_options
from boss_bot.downloaders.libraries.gallerydl_job import BoundedJob, Progress
from boss_bot.downloaders.libraries.javascript import javascript_options
from boss_bot.downloaders.libraries.pacing import BLOCKS, Pace
from boss_bot.errors import DownloadFailedError, FailureKind

FILENAME = "{filename[b:120]}.{extension[b:12]}"  # ".part", ".fit0.mp4" stay under 255 B


class _Collector(logging.Handler):
    """Keeps gallery-dl's warnings and errors, which explain a failed status."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def configure(spec: JobSpec, pace: Pace | None = None) -> None:
    """Load this job's options into gallery-dl's (process-global) config.

    With a ``pace``, its files report every block (``progress`` 0, see ``Progress``) and
    the yt-dlp it runs for some sites calls the pace's hook.
    """
    config.clear()  # proxy-env off: no proxies, and no system proxy lookup (macOS)
    extractor = {
        "base-directory": spec["dest"],
        "directory": [],
        "timeout": 30,
        "retries": 1,
        "file-range": f"1-{spec['max_files'] + 1}",  # BoundedJob stops at the one past it
        "filename": FILENAME,
        "proxy-env": False,
    }
    ytdl = ffmpeg_options(spec.get("ffmpeg"), bool(spec.get("allow_private")))
    if cookies := spec.get("cookies"):  # this child's copy, and never written back
        extractor |= {"cookies": cookies, "cookies-update": False}
        ytdl["cookiefile"] = cookies  # the yt-dlp it runs for some sites
    for key, value in extractor.items():
        config.set(("extractor",), key, value)
    config.set(("downloader",), "filesize-max", str(spec["max_bytes"]))
    config.set(("downloader",), "mtime", False)
    config.set(("downloader",), "retries", 0)  # the job is retried as a whole instead
    config.set(("downloader",), "part-directory", spec["dest"])
    config.set(("downloader",), "progress", 0.25 if pace is None else 0.0)  # first report
    config.set(("output",), "mode", "null")
    ytdl.update(javascript_options())
    if pace is not None:
        ytdl |= {"progress_hooks": [pace.ytdlp_hook], **BLOCKS}
    for section in ("downloader", "extractor"):  # its yt-dlp: as restricted as our own
        config.set((section, "ytdl"), "raw-options", ytdl)


def run(spec: JobSpec, emit: Any, pace: Pace | None = None) -> dict[str, object] | None:
    """Download ``spec['url']`` into ``spec['dest']``, reporting sizes and files via ``emit``.

    With a ``pace``, every block waits for it (the job's share of the bandwidth). The
    first file's metadata is reported as an ``info`` event (the caption card's facts).

    Returns:
        Fields for the ``done`` event when the source had more files than were taken.
    """
    configure(spec, pace)
    collector = _Collector()
    logging.getLogger().addHandler(collector)
    try:
        BoundedJob.start_counting(spec["max_files"])
        download = BoundedJob(spec["url"])
        download.out = Progress(emit, pace)
        status = download.run()
    except exception.NoExtractorError:
        raise DownloadFailedError(FailureKind.UNSUPPORTED, "no gallery-dl extractor") from None
    finally:
        logging.getLogger().removeHandler(collector)
    detail = " | ".join(collector.lines)
    if BoundedJob.first:
        emit(event="info", card=guarded(from_gallerydl, BoundedJob.first, spec["url"]))
    if status == 0:
        if any("larger than allowed maximum" in line for line in collector.lines):
            raise DownloadFailedError(FailureKind.TOO_LARGE, detail)
        return {"more": True, "found": BoundedJob.found} if BoundedJob.more else None
    kind = kind_for_status_bits(status, detail)
    if any(line == "HTML response" for line in collector.lines):
        kind = FailureKind.NOT_MEDIA
    raise DownloadFailedError(kind, f"status {status}: {detail}")
