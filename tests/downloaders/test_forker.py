"""The download fork server: children are ended whatever happens to the server or the task."""

import asyncio
import contextlib
import os
import time

import psutil
import pytest

from boss_bot.core.ports import JobLimits
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.supervisor import run_in_child
from boss_bot.errors import DownloadFailedError
from tests.support.media_server import MediaServer

pytestmark = pytest.mark.slow  # starts and kills real fork servers

LIMITS = JobLimits(timeout=60, allow_private=True)


def _gone(pid: int) -> bool:
    with contextlib.suppress(psutil.NoSuchProcess):
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    return True


@pytest.fixture
def forker():
    """A fork server of the test's own."""
    own = Forker()
    yield own
    own.close()


@pytest.fixture
def server():
    """A loopback media server."""
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
    await asyncio.wait_for(progressed.wait(), 60)  # the server's first job, on busy cores
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

    def start(self, spec: dict, *fds: int) -> int:
        time.sleep(0.3)
        pid = super().start(spec, *fds)
        self.started.append(pid)
        return pid


async def test_a_child_started_while_the_task_was_cancelled_is_ended(server, tmp_path) -> None:
    """Cancelled during the fork: the call ends at once; the late child is killed once started."""
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
        async with asyncio.timeout(30):  # the start finishes later; its child is ended then
            while not forker.started or not _gone(forker.started[0]):
                await asyncio.sleep(0.05)
        assert len(forker.started) == 1
    finally:
        forker.close()


async def test_the_server_carries_no_token(forker, server, tmp_path, monkeypatch) -> None:
    """The token in the bot's environment is not in the fork server's, which serves jobs."""
    monkeypatch.setenv("BOSS_BOT_DISCORD_TOKEN", "secret-token")
    image = server.add_file("/p.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
    await run_in_child("gallery-dl", image, tmp_path, LIMITS, lambda e: None, forker=forker)
    environ = psutil.Process(forker.pid).environ()
    assert "secret-token" not in environ.values()
    assert "PATH" in environ, environ


async def test_the_server_forks_from_a_single_thread(forker, server, tmp_path) -> None:
    """Forking is only safe from one thread: the server has one after its imports and a job."""
    image = server.add_file("/p.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
    await run_in_child("gallery-dl", image, tmp_path, LIMITS, lambda e: None, forker=forker)
    assert forker.pid is not None
    assert psutil.Process(forker.pid).num_threads() == 1
