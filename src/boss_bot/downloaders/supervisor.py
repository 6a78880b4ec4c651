"""Running one download in a child process, bounded in time, bytes and files."""

import asyncio
import contextlib
import functools
import os
from pathlib import Path
from typing import BinaryIO

from boss_bot.core.ports import JobLimits, ProgressCallback
from boss_bot.downloaders._card import with_card
from boss_bot.downloaders._rate import measured, rate_pipe
from boss_bot.downloaders._spec import child_spec
from boss_bot.downloaders._watch import failure, outcome, read_events, watch
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.fork_server.messages import JobSpec
from boss_bot.errors import FailureKind

STREAM_LIMIT = 4 << 20  # a line: ``info`` holds up to 200,000 caption characters, escaped
STDERR_SECONDS = 5  # a grandchild outside the process group could hold stderr open


async def _reader(pipe: BinaryIO, transports: list) -> asyncio.StreamReader:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=STREAM_LIMIT)
    protocol = asyncio.StreamReaderProtocol(reader)
    transport, _ = await loop.connect_read_pipe(lambda: protocol, pipe)
    transports.append(transport)
    return reader


async def _drain(errors: asyncio.StreamReader, state: dict) -> None:
    """Read the child's stderr to the end: the child and what it started have exited."""
    with contextlib.suppress(TimeoutError):
        state["stderr"] = await asyncio.wait_for(errors.read(), STDERR_SECONDS)


def _end_late(forker: Forker, started: asyncio.Future[int]) -> None:
    """End a child whose start finished after its job was given up."""
    if not started.cancelled() and started.exception() is None:
        forker.kill(started.result())
        forker.thread.submit(forker.end, started.result())


async def run_in_child(
    engine: str,
    url: str,
    dest: Path,
    limits: JobLimits,
    on_progress: ProgressCallback,
    *,
    forker: Forker,
) -> list[Path]:
    """Run ``engine`` (``yt-dlp`` or ``gallery-dl``) on ``url`` in a child process.

    The child is killed, with everything it started, on timeout, on a limit being
    exceeded, and on cancellation of the calling task. It holds a share of
    ``limits.bandwidth`` while it runs, and follows it (``_rate``).

    Returns:
        The media files written into ``dest``, in the order they were finished, with
        what the library said about the media (``Downloaded.card``) when it said.

    Raises:
        DownloadFailedError: With the kind of failure.
    """
    with child_spec(engine, url, dest, limits) as spec, rate_pipe(limits) as (share, rates):
        spec["rate"] = share.rate
        return await _supervise(spec, rates, limits, measured(share, on_progress), forker)


async def _supervise(
    spec: JobSpec, rates: int, limits: JobLimits, on_progress: ProgressCallback, forker: Forker
) -> list[Path]:
    """Start the child for ``spec``, watch it until it ends, and return its outcome."""
    loop, dest = asyncio.get_running_loop(), Path(spec["dest"])
    (events_r, events_w), (err_r, err_w) = os.pipe(), os.pipe()
    pipes = [os.fdopen(events_r, "rb", 0), os.fdopen(err_r, "rb", 0)]
    # Forker.start owns (and closes) the child's ends; it runs even if this task is cancelled.
    started = loop.run_in_executor(forker.thread, forker.start, spec, events_w, err_w, rates)
    transports: list[asyncio.BaseTransport] = []
    state: dict = {}
    try:
        try:
            events, errors = [await _reader(pipe, transports) for pipe in pipes]
            pid = await asyncio.shield(started)
        except BaseException:
            started.add_done_callback(functools.partial(_end_late, forker))
            raise
        watcher = asyncio.ensure_future(watch(dest, limits, state, on_progress))
        reader = asyncio.ensure_future(read_events(events, state))
        try:
            async with asyncio.timeout(limits.timeout):
                done, _ = await asyncio.wait([reader, watcher], return_when=asyncio.FIRST_COMPLETED)
            if watcher in done:  # a limit was hit: ``outcome`` keeps what finished, or raises
                state["bound"] = watcher.exception()
            else:
                await _drain(errors, state)  # the child is exiting; let it finish (no kill)
        except TimeoutError:
            raise failure(FailureKind.TIMEOUT, f"after {limits.timeout:.0f}s", limits) from None
        finally:
            watcher.cancel()
            reader.cancel()
            forker.kill(pid)  # at once, whatever else the fork thread is doing
            ended = loop.run_in_executor(forker.thread, forker.end, pid)
            state["status"] = await asyncio.shield(ended)
            if "stderr" not in state:
                await _drain(errors, state)
    finally:
        for closable in [*transports, *pipes]:
            closable.close()
    return with_card(outcome(spec["engine"], dest, limits, state), state.get("card"))
