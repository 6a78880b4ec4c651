"""What fitting leaves alone, and its bounds: pixels and frames from the probe, and time."""

import asyncio
import time
from pathlib import Path

import psutil
import pytest

from boss_bot.core.ffmpeg import Tools
from boss_bot.core.fitting import InputBounds
from boss_bot.core.fitting.fitter import NO_FITTING, Fitter
from boss_bot.core.results import Batch
from tests.support.media import _ffmpeg, make_video

FITTER = Fitter(Tools.find(), 120)


async def test_what_fits_or_cannot_be_fitted_is_left_alone(tmp_path: Path) -> None:
    """Small files, non-media and a missing ffmpeg all leave the file as it is."""
    small = make_video(tmp_path / "small.mp4", seconds=1)
    text = tmp_path / "notes.txt"
    text.write_bytes(b"x" * 5000)
    assert (await FITTER.fit_all(Batch([small, text]), 4000)).files == [small, text]
    assert await NO_FITTING.fit_one(small, 10) == small
    assert not NO_FITTING.needed([small], 10)
    assert FITTER.needed([small], 10)


@pytest.mark.slow
async def test_a_huge_picture_is_refused_before_encoding(tmp_path: Path) -> None:
    """A 10000×10000 PNG (about 320 KB) is not decoded: the note says why, the file stays."""
    src = tmp_path / "huge.png"
    _ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=10000x10000", "-frames:v", "1", str(src))
    before = src.read_bytes()
    fitted = await Fitter(Tools.find(), 60).fit_all(Batch([src]), len(before) // 2)
    assert fitted.files == [src]
    assert src.read_bytes() == before
    assert fitted.notes == (
        "huge.png is 10000×10000 (100 megapixels), more than the 50 I will process.",
    )


async def test_too_many_frames_are_refused(tmp_path: Path) -> None:
    """A GIF of 30 frames against a budget of 10 is refused with the count."""
    src = tmp_path / "loop.gif"
    _ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=320x240:r=10,noise=alls=40:allf=t", "-t", "3", str(src)
    )
    fitter = Fitter(Tools.find(), 60, InputBounds(frames=10))
    fitted = await fitter.fit_all(Batch([src]), src.stat().st_size // 2)
    assert fitted.files == [src]
    assert fitted.notes == ("loop.gif has 30 frames, more than the 10 I will process.",)


@pytest.mark.slow
async def test_the_whole_fitting_of_a_job_stops_at_the_time_limit(tmp_path: Path) -> None:
    """Two long encodes against 2 s: back within 5 s, ffmpeg gone, slot free, a note why."""
    clips = [
        make_video(tmp_path / f"clip{n}.mp4", seconds=20, size="1280x720", video_bitrate="2M")
        for n in range(2)
    ]
    fitter = Fitter(Tools.find(), timeout=2)
    started = time.monotonic()
    fitted = await fitter.fit_all(Batch(clips, ("Skipped a file.",)), 300_000)
    assert time.monotonic() - started < 5
    assert fitted.files == clips  # not fitted: left for the caller to list as over the limit
    assert fitted.notes == ("Skipped a file.", "Stopped shrinking after 2.0 s, my limit.")
    assert not [p for p in psutil.Process().children(recursive=True) if p.name() == "ffmpeg"]
    assert not fitter.encodes.locked()
    await asyncio.wait_for(fitter.encodes.acquire(), 0.1)
