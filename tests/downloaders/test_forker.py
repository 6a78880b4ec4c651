"""The download fork server: children are ended whatever happens to the server or the task."""

import asyncio
import os
import sys
import time
from pathlib import Path

import psutil
import pytest

from boss_bot.downloaders.base import JobLimits
from boss_bot.downloaders.forker import Forker
from boss_bot.downloaders.runner import run_in_child
from boss_bot.errors import DownloadFailedError
from tests.support.media_server import MediaServer

LIMITS = JobLimits(timeout=60, allow_private=True)


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.fixture
def forker():
    """A fork server of the test's own."""
    own = Forker()
    yield own
    own.close()


@pytest.fixture
def server():
    """A loopback server with a small image and a slow video."""
    with MediaServer() as media:
        yield media


async def test_a_killed_server_leaves_no_child_and_is_replaced(forker, server, tmp_path) -> None:
    """A kill -9 of the server: its running child exits by itself; the next job still works."""
    slow = server.add_file("/slow.mp4", b"\x00" * 2_000_000, "video/mp4", throttle_bps=64 * 1024)
    progressed = asyncio.Event()
    job = asyncio.create_task(
        run_in_child(
            "yt-dlp", slow, tmp_path / "a", LIMITS, lambda e: progressed.set(), forker=forker
        )
    )
    (tmp_path / "a").mkdir()
    await asyncio.wait_for(progressed.wait(), 20)
    children = [child.pid for child in psutil.Process(forker.pid).children()]
    assert children
    os.kill(forker.pid, 9)
    with pytest.raises(DownloadFailedError):
        await asyncio.wait_for(job, 10)
    async with asyncio.timeout(3):
        while not all(_gone(pid) for pid in children):
            await asyncio.sleep(0.05)
    (tmp_path / "b").mkdir()
    image = server.add_file("/p.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
    files = await run_in_child(
        "gallery-dl", image, tmp_path / "b", LIMITS, lambda e: None, forker=forker
    )
    assert [f.name for f in files] == ["p.png"]


class _SlowForker(Forker):
    """Takes 0.3 s to start a child, so that the task is cancelled meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.started: list[int] = []

    def start(self, spec: dict, events_fd: int, stderr_fd: int) -> int:
        time.sleep(0.3)
        pid = super().start(spec, events_fd, stderr_fd)
        self.started.append(pid)
        return pid


async def test_a_child_started_while_the_task_was_cancelled_is_ended(server, tmp_path) -> None:
    """Cancelling during the fork: the call ends at once and the late child is killed."""
    forker = _SlowForker()
    slow = server.add_file("/slow.mp4", b"\x00" * 2_000_000, "video/mp4", throttle_bps=64 * 1024)
    try:
        job = asyncio.create_task(
            run_in_child("yt-dlp", slow, tmp_path, LIMITS, print, forker=forker)
        )
        await asyncio.sleep(0.1)
        job.cancel()
        with pytest.raises(asyncio.CancelledError):
            await job
        assert len(forker.started) == 1
        assert _gone(forker.started[0])
    finally:
        forker.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
async def test_the_server_carries_no_token(forker, server, tmp_path, monkeypatch) -> None:
    """The token in the bot's environment is not in the fork server's, which serves jobs."""
    monkeypatch.setenv("BOSS_BOT_DISCORD_TOKEN", "secret-token")
    image = server.add_file("/p.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
    await run_in_child("gallery-dl", image, tmp_path, LIMITS, lambda e: None, forker=forker)
    environ = Path(f"/proc/{forker.pid}/environ").read_bytes().split(b"\0")
    assert not [v for v in environ if b"secret-token" in v]
    assert any(v.startswith(b"PATH=") for v in environ), environ


async def test_the_server_forks_from_a_single_thread(forker, server, tmp_path) -> None:
    """Forking is only safe from one thread: the server has one after its imports and a job."""
    image = server.add_file("/p.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
    await run_in_child("gallery-dl", image, tmp_path, LIMITS, lambda e: None, forker=forker)
    assert forker.pid is not None
    assert psutil.Process(forker.pid).num_threads() == 1


BROKEN_WARMING = (
    "import runpy, boss_bot.downloaders._preload as p\n"
    "def broken(): raise AttributeError('gen_extractor_classes')\n"
    "p.WARMERS['yt-dlp'] = broken\n"
    "runpy.run_module('boss_bot.downloaders._zygote', run_name='__main__')\n"
)


async def test_a_library_that_breaks_warming_only_costs_speed(server, tmp_path) -> None:
    """Warming fails (a library changed): the server says so, and downloads still work."""
    forker = Forker([sys.executable, "-P", "-c", BROKEN_WARMING])
    try:
        loaded = forker.ping()
        video = server.add_file("/v.mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(5000), "video/mp4")
        files = await run_in_child("yt-dlp", video, tmp_path, LIMITS, print, forker=forker)
    finally:
        forker.close()
    assert loaded["failed"] == ["yt-dlp: AttributeError('gen_extractor_classes')"]
    assert [f.suffix for f in files] == [".mp4"]
