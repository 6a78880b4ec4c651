"""Bounds on a download child process: timeout, cancellation, progress."""

import asyncio
import time

import pytest

from boss_bot.core.ports import JobLimits
from boss_bot.downloaders.engines import YTDLP, ChildDownloader
from boss_bot.errors import DownloadFailedError, FailureKind
from tests.support.media_server import MediaServer

pytestmark = pytest.mark.slow  # waits for real children to time out or end

SLOW = 64 * 1024  # bytes per second


@pytest.fixture
def slow_url():
    """A 2 MB file served at 64 KB/s: about 30 s to download in full."""
    with MediaServer() as server:
        yield server.add_file(
            "/slow.mp4", b"\x00" * 2_000_000, content_type="video/mp4", throttle_bps=SLOW
        )


async def test_timeout_stops_the_child(downloaders, slow_url, tmp_path) -> None:
    """A job over DOWNLOAD_TIMEOUT fails as a timeout shortly after the limit."""
    limits = JobLimits(timeout=2, allow_private=True)
    start = time.monotonic()
    with pytest.raises(DownloadFailedError) as failure:
        await ChildDownloader(YTDLP, downloaders.forker).download(
            slow_url, tmp_path, limits, lambda e: None
        )
    assert failure.value.kind is FailureKind.TIMEOUT
    assert "2.0 s" in failure.value.user_message()
    assert time.monotonic() - start < 5


async def test_cancel_ends_the_download_within_two_seconds(downloaders, slow_url, tmp_path) -> None:
    """Cancelling the task kills the child: the call returns within 2 s and progress stops."""
    events = []
    progressed = asyncio.Event()

    def on_progress(event) -> None:
        events.append(event)
        progressed.set()

    task = asyncio.create_task(
        ChildDownloader(YTDLP, downloaders.forker).download(
            slow_url, tmp_path, JobLimits(allow_private=True), on_progress
        )
    )
    await asyncio.wait_for(progressed.wait(), 15)
    assert events[-1].downloaded > 0
    start = time.monotonic()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.monotonic() - start < 2
    seen = len(events)
    await asyncio.sleep(0.6)
    assert len(events) == seen
