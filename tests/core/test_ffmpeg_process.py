"""What an ffmpeg or ffprobe child gets: no secrets, bounded memory, and no life of its own."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from boss_bot.core.ffmpeg import run
from tests.support.media import FFMPEG, _ffmpeg, make_video

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS/PDEATHSIG: Linux")


async def test_the_token_is_not_in_the_childs_environment(monkeypatch) -> None:
    """The bot's token (and anything else secret) stays out of the tool's environment."""
    monkeypatch.setenv("BOSS_BOT_DISCORD_TOKEN", "token-that-must-not-leak")
    code, out = await run(["/usr/bin/env"], 10)
    assert code == 0
    assert b"PATH=" in out
    assert b"token-that-must-not-leak" not in out
    assert b"BOSS_BOT_" not in out


@linux_only
async def test_each_child_has_the_memory_limit() -> None:
    """The address-space limit is set, and decoding a 10000×10000 PNG fails under 128 MiB."""
    code, out = await run(["/bin/sh", "-c", "ulimit -v"], 10, memory_mb=256)
    assert (code, out.strip()) == (0, b"262144")


@linux_only
@pytest.mark.slow
async def test_a_huge_decode_fails_under_a_small_limit_and_works_under_the_default(
    tmp_path: Path,
) -> None:
    """The 10000×10000 PNG that took hundreds of MB: refused at 128 MiB, fine at 1 GiB."""
    src = tmp_path / "huge.png"
    _ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=10000x10000", "-frames:v", "1", str(src))
    decode = [FFMPEG, "-v", "error", "-f", "png_pipe", "-i", f"file:{src}", "-f", "null", "-"]
    assert (await run(decode, 60, memory_mb=128))[0] != 0
    assert (await run(decode, 60))[0] == 0


CHILD = """
import asyncio, sys
from pathlib import Path
from boss_bot.core.ffmpeg import Tools
from boss_bot.core.fitting.fitter import Fitter
asyncio.run(Fitter(Tools.find(), 300).fit_one(Path(sys.argv[1]), 2_000_000))
"""


def _encoder(parent: psutil.Process, bound: float) -> psutil.Process:
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        found = [p for p in parent.children(recursive=True) if p.name() == "ffmpeg"]
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError("no ffmpeg started")


@linux_only
@pytest.mark.slow
def test_the_encode_ends_with_the_bot_killed_by_sigkill(tmp_path: Path) -> None:
    """SIGKILL to the process that started a fit: its ffmpeg is gone within 5 s."""
    clip = make_video(tmp_path / "clip.mp4", seconds=30, size="1280x720", video_bitrate="2M")
    bot = subprocess.Popen([sys.executable, "-c", CHILD, str(clip)])
    try:
        encoder = _encoder(psutil.Process(bot.pid), 60)
        os.kill(bot.pid, signal.SIGKILL)
        bot.wait(10)
        _gone, alive = psutil.wait_procs([encoder], timeout=5)
        for leftover in alive:  # only the ffmpeg this test started (through the child)
            leftover.kill()
        assert alive == []
    finally:
        bot.kill()
