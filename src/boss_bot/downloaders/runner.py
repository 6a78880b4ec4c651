"""Running one download in a child process, bounded in time, bytes and files."""

import asyncio
import contextlib
import json
import os
from pathlib import Path

from loguru import logger

from boss_bot.core.media import media_files
from boss_bot.downloaders._watch import check, failure, watch
from boss_bot.downloaders.base import JobLimits, ProgressCallback
from boss_bot.downloaders.forker import FORKER, Forker
from boss_bot.errors import FailureKind

STREAM_LIMIT = 1 << 20
STDERR_SECONDS = 5  # a grandchild outside the process group could hold stderr open


async def _reader(fd: int) -> tuple[asyncio.StreamReader, asyncio.BaseTransport]:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=STREAM_LIMIT)
    protocol = asyncio.StreamReaderProtocol(reader)
    transport, _ = await loop.connect_read_pipe(lambda: protocol, os.fdopen(fd, "rb", 0))
    return reader, transport


async def _read_events(events: asyncio.StreamReader, state: dict) -> None:
    async for raw in events:
        with contextlib.suppress(ValueError):
            event = json.loads(raw)
            if event.get("event") == "progress" and event.get("total"):
                state["total"] = int(event["total"])
            elif event.get("event") in ("done", "error"):
                state["end"] = event


async def _drain(errors: asyncio.StreamReader, state: dict) -> None:
    """Read the child's stderr to the end: the child and what it started have exited."""
    with contextlib.suppress(TimeoutError):
        state["stderr"] = await asyncio.wait_for(errors.read(), STDERR_SECONDS)


async def _fork(forker: Forker, spec: dict, write_fds: list[int]) -> int:
    """Start the child; if cancelled meanwhile, the child is still ended."""
    started = asyncio.ensure_future(asyncio.to_thread(forker.start, spec, *write_fds))
    try:
        return await asyncio.shield(started)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):
            await asyncio.to_thread(forker.end, await started)
        raise
    finally:
        for fd in write_fds:
            os.close(fd)


async def run_in_child(
    engine: str, url: str, dest: Path, limits: JobLimits, on_progress: ProgressCallback,
    *, forker: Forker = FORKER,
) -> list[Path]:  # fmt: skip
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
            "ffmpeg": limits.ffmpeg, "timeout": limits.timeout,
            "target_bytes": limits.target_bytes}  # fmt: skip
    (events_r, events_w), (err_r, err_w) = os.pipe(), os.pipe()
    (events, events_t), (errors, errors_t) = await _reader(events_r), await _reader(err_r)
    state: dict = {}
    try:
        pid = await _fork(forker, spec, [events_w, err_w])
        watcher = asyncio.ensure_future(watch(dest, limits, state, on_progress))
        reader = asyncio.ensure_future(_read_events(events, state))
        try:
            async with asyncio.timeout(limits.timeout):
                done, _ = await asyncio.wait([reader, watcher], return_when=asyncio.FIRST_COMPLETED)
                if watcher in done:
                    watcher.result()  # raises the limit that was hit
            await _drain(errors, state)  # the child is exiting; let it finish (no kill)
        except TimeoutError:
            raise failure(FailureKind.TIMEOUT, f"after {limits.timeout:.0f}s", limits) from None
        finally:
            watcher.cancel()
            reader.cancel()
            state["status"] = await asyncio.to_thread(forker.end, pid)
            if "stderr" not in state:
                await _drain(errors, state)
    finally:
        events_t.close()
        errors_t.close()
    return _outcome(engine, dest, limits, state)


def _outcome(engine: str, dest: Path, limits: JobLimits, state: dict) -> list[Path]:
    end = state.get("end") or {"kind": "unknown", "detail": f"child exited {state['status']}"}
    text = state.get("stderr", b"").decode(errors="replace").strip()
    if text:
        level = "WARNING" if end.get("kind") == "unknown" else "DEBUG"
        logger.log(level, "{} child stderr: {}", engine, text[-4000:])
    if end.get("event") != "done":
        raise failure(FailureKind(end["kind"]), end.get("detail", ""), limits)
    check(dest, limits, slack=0)  # a file may have finished between two polls
    return media_files(dest)
