"""The fork server's protocol: it never kills what it did not fork, and survives bad requests."""

import asyncio
import os
import subprocess
import sys

import psutil
import pytest

from boss_bot.core.ports import JobLimits
from boss_bot.downloaders.fork_server._link import SERVER, Link
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.supervisor import run_in_child
from tests.support.media_server import MediaServer

pytestmark = pytest.mark.slow  # starts real fork servers


@pytest.fixture
def link():
    """A fork server spoken to directly."""
    own = Link(SERVER)
    own.open()
    yield own
    own.close()


def test_a_pid_it_did_not_fork_is_left_alone(link) -> None:
    """``end`` of another process's pid answers null and kills nothing."""
    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert link.ask({"op": "end", "pid": bystander.pid}) == {"status": None}
        assert bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()


def test_a_failing_request_gets_an_error_and_the_server_carries_on(link) -> None:
    """A request that fails is answered with its error; the same server answers the next."""
    server = link.pid
    answer = link.ask({"op": "end"})
    assert answer == {"error": "KeyError('pid')"}
    assert link.ask({"op": "stop"}) == {"error": "ValueError(\"unknown request 'stop'\")"}
    assert "seconds" in link.ask({"op": "ping"})
    assert link.pid == server


async def test_ending_a_child_just_after_its_start_never_hangs(tmp_path) -> None:
    """Killed before it has its own process group, a child is still killed and reaped."""
    forker = Forker()
    with MediaServer() as media:
        slow = media.add_file("/s.mp4", b"\x00" * 2_000_000, "video/mp4", throttle_bps=64 * 1024)
        spec = {
            "engine": "yt-dlp",
            "url": slow,
            "dest": str(tmp_path),
            "max_bytes": 10**8,
            "max_files": 5,
            "allow_private": True,
            "ffmpeg": None,
            "timeout": 60,
        }
        try:
            pids, statuses = [], []
            for _ in range(5):
                events, errors = os.pipe(), os.pipe()
                for fd in (events[0], errors[0]):
                    os.close(fd)
                pid = forker.start(spec, events[1], errors[1])
                pids.append(pid)
                async with asyncio.timeout(10):
                    statuses.append(await asyncio.to_thread(forker.end, pid))
        finally:
            forker.close()
    assert statuses == [-9] * 5  # killed, and reaped by the server
    assert not any(psutil.pid_exists(pid) for pid in pids)


BROKEN_WARMING = (
    "import runpy, boss_bot.downloaders.fork_server._preload as p\n"
    "def broken(): raise AttributeError('gen_extractor_classes')\n"
    "p.WARMERS['yt-dlp'] = broken\n"
    "runpy.run_module('boss_bot.downloaders.fork_server._server', run_name='__main__')\n"
)


async def test_a_library_that_breaks_warming_only_costs_speed(tmp_path) -> None:
    """Warming fails (a library changed): the server says so, and downloads still work."""
    forker = Forker([sys.executable, "-P", "-c", BROKEN_WARMING])
    with MediaServer() as media:
        video = media.add_file("/v.mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(5000), "video/mp4")
        try:
            loaded = forker.ping()
            files = await run_in_child(
                "yt-dlp", video, tmp_path, JobLimits(allow_private=True), print, forker=forker
            )
        finally:
            forker.close()
    assert loaded["failed"] == ["yt-dlp: AttributeError('gen_extractor_classes')"]
    assert [f.suffix for f in files] == [".mp4"]
