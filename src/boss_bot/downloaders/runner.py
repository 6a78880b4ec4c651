"""Running one download in a child process, bounded in time, bytes and files."""

import asyncio
import contextlib
import json
import os
import signal
import sys
from pathlib import Path

from loguru import logger

from boss_bot.core.media import media_files
from boss_bot.downloaders._watch import check, failure, watch
from boss_bot.downloaders.base import JobLimits, ProgressCallback
from boss_bot.errors import FailureKind

_KEPT_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ", "SYSTEMROOT")
STREAM_LIMIT = 1 << 20


def child_env() -> dict[str, str]:
    """The child's environment: no token, no proxies; coverage's own variables pass."""
    keep = {k: v for k, v in os.environ.items() if k in _KEPT_ENV or k.startswith("COVERAGE")}
    return {**keep, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"}


def _kill(proc: asyncio.subprocess.Process) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


async def _read_events(proc: asyncio.subprocess.Process, state: dict) -> None:
    assert proc.stdout is not None
    async for raw in proc.stdout:
        with contextlib.suppress(ValueError):
            event = json.loads(raw)
            if event.get("event") == "progress" and event.get("total"):
                state["total"] = int(event["total"])
            elif event.get("event") in ("done", "error"):
                state["end"] = event


async def _spawn(spec: dict, dest: Path) -> asyncio.subprocess.Process:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-P", "-m", "boss_bot.downloaders._child",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, start_new_session=True, cwd=dest, env=child_env(),
        limit=STREAM_LIMIT,
    )  # fmt: skip
    assert proc.stdin is not None
    proc.stdin.write(json.dumps(spec).encode() + b"\n")
    proc.stdin.close()
    return proc


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
            "ffmpeg": limits.ffmpeg, "timeout": limits.timeout,
            "target_bytes": limits.target_bytes}  # fmt: skip
    proc = await _spawn(spec, dest)
    assert proc.stderr is not None
    state: dict = {}
    watcher = asyncio.ensure_future(watch(dest, limits, state, on_progress))
    reader = asyncio.ensure_future(_read_events(proc, state))
    stderr = asyncio.ensure_future(proc.stderr.read())
    try:
        async with asyncio.timeout(limits.timeout):
            done, _ = await asyncio.wait([reader, watcher], return_when=asyncio.FIRST_COMPLETED)
            if watcher in done:
                watcher.result()  # raises the limit that was hit
            await proc.wait()
    except TimeoutError:
        raise failure(FailureKind.TIMEOUT, f"after {limits.timeout:.0f}s", limits) from None
    finally:
        watcher.cancel()
        reader.cancel()
        _kill(proc)
        await proc.wait()
        text = (await stderr).decode(errors="replace").strip()
    end = state.get("end") or {"kind": "unknown", "detail": f"child exited {proc.returncode}"}
    if text:
        level = "WARNING" if end.get("kind") == "unknown" else "DEBUG"
        logger.log(level, "{} child stderr: {}", engine, text[-4000:])
    if end.get("event") != "done":
        raise failure(FailureKind(end["kind"]), end.get("detail", ""), limits)
    check(dest, limits, slack=0)  # a file may have finished between two polls
    return media_files(dest)
