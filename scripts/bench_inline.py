"""Benchmark: making files play inline (``core.inline``), next to bare ffmpeg.

1. Remux a ~50 MB H.264/AAC Matroska file into mp4 through the bot's ``InlineStep``
   (sniff, probe, stream copy with faststart, check) and by hand (``ffmpeg -c copy``).
2. Re-encode a 20 s 720p HEVC clip to H.264 mp4 for a 10 MiB server (``full`` mode).
3. Turn an 8 s 640x360 animated GIF (plain test pattern) into mp4: bytes before and after.

    uv run python scripts/bench_inline.py
"""

import asyncio
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from _bench import report

from boss_bot.core.ffmpeg import Tools
from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.inline import InlineStep
from boss_bot.core.results import Batch

MIB = 1024 * 1024
NOISE = "testsrc2=s=1280x720:r=30,noise=alls=12:allf=t"


def ffmpeg(*args: str) -> float:
    """Run ffmpeg; seconds it took."""
    started = time.monotonic()
    subprocess.run(["ffmpeg", "-y", "-v", "error", *args], check=True)
    return time.monotonic() - started


def clip(path: Path, video: list[str], seconds: int) -> Path:
    """A noisy 720p test pattern with a tone, encoded with ``video``."""
    source = ["-f", "lavfi", "-i", NOISE, "-f", "lavfi", "-i", "sine=frequency=440"]
    ffmpeg(*source, "-t", str(seconds), *video, "-c:a", "aac", str(path))
    return path


def clear(folder: Path) -> None:
    """Remove the files of the last measure."""
    for path in folder.iterdir():
        path.unlink()


async def timed(step: InlineStep, path: Path, limit: int) -> tuple[float, Batch]:
    """Seconds the step took on ``path`` alone, and what it returned."""
    started = time.monotonic()
    batch = await step(Batch([path]), limit)
    return time.monotonic() - started, batch


async def main() -> None:
    step = InlineStep(Fitter(Tools.find(), 600))
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        mkv = clip(work / "big.mkv", ["-c:v", "libx264", "-preset", "ultrafast", "-b:v", "20M"], 20)
        result["remux_source_mb"] = round(mkv.stat().st_size / 1e6, 1)
        bare = ["-i", str(mkv), "-c", "copy", "-movflags", "+faststart", str(work / "bare.mp4")]
        result["remux_bare_ffmpeg_s"] = round(ffmpeg(*bare), 2)
        seconds, batch = await timed(step, mkv, 100 * MIB)
        result["remux_bot_s"] = round(seconds, 2)
        result["remux_out_mb"] = round(batch.files[0].stat().st_size / 1e6, 1)
        result["remux_bare_out_mb"] = round((work / "bare.mp4").stat().st_size / 1e6, 1)
        clear(work)
        x265 = ["-c:v", "libx265", "-preset", "ultrafast", "-b:v", "3M", "-tag:v", "hvc1"]
        hevc = clip(work / "hevc.mp4", [*x265, "-x265-params", "log-level=error"], 20)
        result["hevc_source_mb"] = round(hevc.stat().st_size / 1e6, 1)
        seconds, batch = await timed(step, hevc, 10 * MIB)
        result["hevc_to_h264_s"] = round(seconds, 1)
        result["hevc_out_mb"] = round(batch.files[0].stat().st_size / 1e6, 1)
        gif = work / "anim.gif"
        ffmpeg("-f", "lavfi", "-i", "testsrc2=s=640x360:r=15", "-t", "8", str(gif))
        before = gif.stat().st_size
        seconds, batch = await timed(step, gif, 10 * MIB)
        result["gif_mb"] = round(before / 1e6, 2)
        result["gif_to_mp4_s"] = round(seconds, 1)
        result["gif_mp4_mb"] = round(batch.files[0].stat().st_size / 1e6, 2)
    report(result)


if __name__ == "__main__":
    assert shutil.which("ffmpeg"), "ffmpeg is needed"
    asyncio.run(main())
