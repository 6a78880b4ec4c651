"""Running one download in a child process, bounded in time, bytes and files."""

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from pathlib import Path

from loguru import logger

from boss_bot.core.fmt import duration, size
from boss_bot.core.items import ProgressEvent
from boss_bot.core.media import media_files
from boss_bot.downloaders.base import JobLimits, ProgressCallback
from boss_bot.errors import DownloadFailedError, FailureKind

POLL_SECONDS = 0.25


def _dir_usage(dest: Path) -> tuple[int, int]:
    total = count = 0
    for path in dest.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file():
                total += path.stat().st_size
                count += 1
    return total, count


def _kill(proc: asyncio.subprocess.Process) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


async def _watch(dest: Path, limits: JobLimits, state: dict, on_progress: ProgressCallback) -> None:
    """Poll the job directory: enforce byte and file limits, report progress."""
    start, last_bytes = time.monotonic(), 0
    while True:
        await asyncio.sleep(POLL_SECONDS)
        used, count = await asyncio.to_thread(_dir_usage, dest)
        if used > limits.max_bytes:
            raise DownloadFailedError(
                FailureKind.TOO_LARGE, f"{used} bytes written", limit=size(limits.max_bytes)
            )
        if count > limits.max_files + 3:  # slack for .part files and merge inputs
            raise DownloadFailedError(
                FailureKind.TOO_MANY_FILES, f"{count} files", limit=str(limits.max_files)
            )
        if used != last_bytes:
            speed = used / max(time.monotonic() - start, 1e-3)
            on_progress(ProgressEvent(downloaded=used, total=state.get("total"), speed=speed))
            last_bytes = used


async def _read_events(proc: asyncio.subprocess.Process, state: dict) -> None:
    assert proc.stdout is not None
    async for raw in proc.stdout:
        with contextlib.suppress(ValueError):
            event = json.loads(raw)
            if event.get("event") == "progress" and event.get("total"):
                state["total"] = int(event["total"])
            elif event.get("event") in ("done", "error"):
                state["end"] = event


async def run_in_child(
    engine: str, url: str, dest: Path, limits: JobLimits, on_progress: ProgressCallback
) -> list[Path]:
    """Run ``engine`` (``yt-dlp`` or ``gallery-dl``) on ``url`` in a child process.

    The child is killed, with everything it started, on timeout, on a limit being
    exceeded, and on cancellation of the calling task.

    Returns:
        The media files written into ``dest``, in the order they were finished.

    Raises:
        DownloadFailedError: With the kind of failure.
    """
    spec = {"engine": engine, "url": url, "dest": str(dest), "max_bytes": limits.max_bytes,
            "max_files": limits.max_files, "allow_private": limits.allow_private,
            "ffmpeg": limits.ffmpeg}  # fmt: skip
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "boss_bot.downloaders._child",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, start_new_session=True, cwd=dest,
    )  # fmt: skip
    assert proc.stdin is not None
    assert proc.stderr is not None
    proc.stdin.write(json.dumps(spec).encode())
    proc.stdin.close()
    state: dict = {}
    watcher = asyncio.ensure_future(_watch(dest, limits, state, on_progress))
    reader = asyncio.ensure_future(_read_events(proc, state))
    stderr = asyncio.ensure_future(proc.stderr.read())
    try:
        async with asyncio.timeout(limits.timeout):
            done, _ = await asyncio.wait([reader, watcher], return_when=asyncio.FIRST_COMPLETED)
            if watcher in done:
                watcher.result()  # raises the limit that was hit
            await proc.wait()
    except TimeoutError:
        raise DownloadFailedError(
            FailureKind.TIMEOUT, f"after {limits.timeout:.0f}s", limit=duration(limits.timeout)
        ) from None
    finally:
        watcher.cancel()
        reader.cancel()
        _kill(proc)
        await proc.wait()
        if text := (await stderr).decode(errors="replace").strip():
            logger.debug("{} child stderr: {}", engine, text[-4000:])
    end = state.get("end") or {"kind": "unknown", "detail": f"child exited {proc.returncode}"}
    if end.get("event") != "done":
        raise DownloadFailedError(FailureKind(end["kind"]), end.get("detail", ""))
    return media_files(dest)
