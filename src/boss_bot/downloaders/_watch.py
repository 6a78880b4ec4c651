"""Watching a job directory against the job's limits, and the outcome of a finished child."""

import asyncio
import time
from pathlib import Path

from loguru import logger

from boss_bot.core.fmt import duration, size
from boss_bot.core.items import ProgressEvent
from boss_bot.core.media.files import media_files
from boss_bot.core.ports import JobLimits, ProgressCallback
from boss_bot.core.storage.paths import tree_usage
from boss_bot.errors import DownloadFailedError, FailureKind

POLL_SECONDS = 0.25
FILE_SLACK = 3  # .part files and merge inputs exist next to finished files for a while


def failure(kind: FailureKind, detail: str, limits: JobLimits) -> DownloadFailedError:
    """A failure whose message names the limit that applied, when there is one."""
    shown = {
        FailureKind.TIMEOUT: duration(limits.timeout),
        FailureKind.TOO_LARGE: size(limits.max_bytes),
        FailureKind.TOO_MANY_FILES: str(limits.max_files),
    }.get(kind, "")
    return DownloadFailedError(kind, detail, limit=shown)


def check(dest: Path, limits: JobLimits, *, slack: int = FILE_SLACK) -> int:
    """Raise if ``dest`` holds more bytes or files than allowed; return the bytes."""
    used, count = tree_usage(dest)
    if used > limits.max_bytes:
        raise failure(FailureKind.TOO_LARGE, f"{used} bytes written", limits)
    if count > limits.max_files + slack:
        raise failure(FailureKind.TOO_MANY_FILES, f"{count} files written", limits)
    return used


async def watch(dest: Path, limits: JobLimits, state: dict, on_progress: ProgressCallback) -> None:
    """Poll ``dest`` until cancelled: enforce the limits and report progress."""
    start, last = time.monotonic(), 0
    while True:
        await asyncio.sleep(POLL_SECONDS)
        used = await asyncio.to_thread(check, dest, limits)
        if used != last:
            speed = used / max(time.monotonic() - start, 1e-3)
            on_progress(ProgressEvent(downloaded=used, total=state.get("total"), speed=speed))
            last = used


def outcome(engine: str, dest: Path, limits: JobLimits, state: dict) -> list[Path]:
    """The media files of a finished child, or the failure it reported (stderr is logged)."""
    end = state.get("end") or {"kind": "unknown", "detail": f"child exited {state['status']}"}
    text = state.get("stderr", b"").decode(errors="replace").strip()
    if text:
        level = "WARNING" if end.get("kind") == "unknown" else "DEBUG"
        logger.log(level, "{} child stderr: {}", engine, text[-4000:])
    if end.get("event") != "done":
        raise failure(FailureKind(end["kind"]), end.get("detail", ""), limits)
    check(dest, limits, slack=0)  # a file may have finished between two polls
    return media_files(dest)
