"""The bot's end of a child's rate pipe: its share of the bandwidth, sent when it changes.

A pipe per child, passed to it through the fork server like the events pipe, rather
than a control file the child polls: a change reaches the child at once (not within a
polling period), nothing is left on disk by a crash, no file sits where the job's
directory is watched for bytes, and the pipe lives exactly as long as the job. The
first rate goes in the ``JobSpec``, so the first bytes are already paced; later ones are
JSON lines (a number of bytes per second, or ``null``) read by the child's
``libraries.pacing.read_rates``.
"""

import contextlib
import json
import os
from collections.abc import Iterator

from boss_bot.core.bandwidth import Share
from boss_bot.core.items import ProgressEvent
from boss_bot.core.ports import JobLimits, ProgressCallback


def _send(fd: int, rate: int | None) -> None:
    """Write one rate; a child that has gone (or is not reading) misses it harmlessly."""
    with contextlib.suppress(OSError):  # BlockingIOError, BrokenPipeError
        os.write(fd, json.dumps(rate).encode() + b"\n")


@contextlib.contextmanager
def rate_pipe(limits: JobLimits) -> Iterator[tuple[Share, int]]:
    """Hold a share of ``limits.bandwidth`` for one child, with the pipe its changes go to.

    Yields:
        The share, and the pipe's read end for the child (``Forker.start`` closes it).
    """
    read, write = os.pipe()
    os.set_blocking(write, False)  # never block the event loop on a child
    try:
        with limits.bandwidth.share() as share:
            share.on_change(lambda rate: _send(write, rate))
            yield share, read
    finally:
        os.close(write)


def measured(share: Share, on_progress: ProgressCallback) -> ProgressCallback:
    """``on_progress``, also telling ``share`` the bytes fetched (for the measured speed)."""

    def report(event: ProgressEvent) -> None:
        share.fetched(event.downloaded)
        on_progress(event)

    return report
