"""Watching a job directory against the job's limits, and the outcome of a finished child.

A playlist or gallery longer than the job's bounds keeps what fits: the files the child
finished (its ``item`` events) before a byte or file limit stopped it, or the first
``max_files`` when the child says the source had more; a note in the result says so.
One file over the limit, or a limit hit before any file finished, fails as before.
"""

import asyncio
import contextlib
import json
import time
from pathlib import Path

from loguru import logger

from boss_bot.core.fmt import duration, size
from boss_bot.core.items import ProgressEvent
from boss_bot.core.media.files import beyond_bytes_note, beyond_files_note, media_files
from boss_bot.core.ports import Downloaded, JobLimits, ProgressCallback
from boss_bot.core.storage.disk import tree_usage
from boss_bot.downloaders.fork_server.messages import ChildEvent
from boss_bot.errors import DownloadFailedError, FailureKind

POLL_SECONDS = 0.25
FILE_SLACK = 3  # .part files and merge inputs exist next to finished files for a while
BOUNDS = (FailureKind.TOO_LARGE, FailureKind.TOO_MANY_FILES)


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


async def read_events(events: asyncio.StreamReader, state: dict) -> None:
    """Keep what the child says in ``state``: the expected total, files, the card, the end."""
    async for raw in events:
        with contextlib.suppress(ValueError):
            event: ChildEvent = json.loads(raw)
            if event.get("event") == "progress" and (total := event.get("total")):
                state["total"] = int(total)
            elif event.get("event") == "item" and (name := event.get("name")):
                state.setdefault("items", []).append(name)
            elif event.get("event") == "info":
                state["card"] = event.get("card")  # checked by ``_card.card_from``
            elif event.get("event") in ("done", "error"):
                state["end"] = event


def _partial(dest: Path, limits: JobLimits, state: dict, bound: BaseException) -> Downloaded:
    """The files finished before ``bound`` (a limit) stopped the child; else raise it."""
    if not isinstance(bound, DownloadFailedError) or bound.kind not in BOUNDS:
        raise bound
    files, used = [], 0
    for path in (dest / name for name in dict.fromkeys(state.get("items", []))):
        used += path.stat().st_size if path.is_file() else limits.max_bytes + 1
        if used > limits.max_bytes or len(files) == limits.max_files:
            break
        files.append(path)
    if not files:
        raise bound
    logger.info("kept {} finished files of a download stopped by {}", len(files), bound.kind)
    if bound.kind is FailureKind.TOO_LARGE:
        return Downloaded(files, (beyond_bytes_note(len(files), size(limits.max_bytes)),))
    return Downloaded(files, (beyond_files_note(len(files), None, limits.max_files),))


def outcome(engine: str, dest: Path, limits: JobLimits, state: dict) -> list[Path]:
    """The media files of a finished child, or the failure it reported (stderr is logged)."""
    end = state.get("end") or {"kind": "unknown", "detail": f"child exited {state['status']}"}
    text = state.get("stderr", b"").decode(errors="replace").strip()
    if text:
        level = "WARNING" if end.get("kind") == "unknown" else "DEBUG"
        logger.log(level, "{} child stderr: {}", engine, text[-4000:])
    if (bound := state.get("bound")) is not None:
        return _partial(dest, limits, state, bound)
    if end.get("event") != "done":
        bound = failure(FailureKind(end["kind"]), end.get("detail", ""), limits)
        return _partial(dest, limits, state, bound)
    try:
        check(dest, limits, slack=0)  # a file may have finished between two polls
    except DownloadFailedError as exc:
        return _partial(dest, limits, state, exc)
    if end.get("more"):
        found = end.get("found")
        found = found if isinstance(found, int) else None
        note = beyond_files_note(limits.max_files, found, limits.max_files)
        return Downloaded(media_files(dest), (note,))
    return media_files(dest)
