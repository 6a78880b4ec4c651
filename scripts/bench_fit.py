"""Benchmark: fitting a ~30 MB 1080p clip under Discord's 10 MiB, next to bare ffmpeg.

Makes the clip with ffmpeg (testsrc2 with noise, so it does not compress to nothing),
fits it with the bot's ``Fitter``, then runs the same ffmpeg command by hand to show
what the bot adds. Prints the commands, sizes, settings and times.

    uv run python scripts/bench_fit.py
"""

import asyncio
import shlex
import subprocess
import tempfile
import time
from pathlib import Path

from _bench import report

from boss_bot.core.ffmpeg import Tools, probe, run
from boss_bot.core.fitting import plan_video, video_args
from boss_bot.core.fitting.fitter import Fitter

LIMIT = 10 * 1024 * 1024


def make_clip(path: Path) -> None:
    """30 s of 1080p at ~8 Mb/s with a tone: about 30 MB."""
    subprocess.run(
        [
            "ffmpeg",
            "-y",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=s=1920x1080:r=30,noise=alls=8:allf=t",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440",
            "-t",
            "30",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-b:v",
            "8M",
            "-c:a",
            "aac",
            str(path),
        ],
        check=True,
    )


async def main() -> None:
    tools = Tools.find()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "clip.mp4"
        make_clip(src)
        original = src.stat().st_size
        info = await probe(tools, src, "mov")
        assert info is not None
        assert info.duration
        plan = plan_video(info.duration, LIMIT, info.height)
        bare_out = Path(tmp) / "bare.mp4"
        bare = video_args(tools, src, bare_out, plan, demuxer="mov", audio=info.has_audio)
        started = time.monotonic()
        assert (await run(bare, 600))[0] == 0
        bare_s = time.monotonic() - started
        started = time.monotonic()
        fitted = await Fitter(tools, 600).fit_one(src, LIMIT)
        bot_s = time.monotonic() - started
        out = await probe(tools, fitted, "mov")
        assert out is not None
        print("ffmpeg command the bot runs (first try):")
        print("  " + shlex.join(bare))
        report(
            {
                "source_bytes": original,
                "source": f"{info.width}x{info.height}, {info.duration:.1f} s",
                "limit_bytes": LIMIT,
                "fitted_bytes": fitted.stat().st_size,
                "fits": fitted.stat().st_size <= LIMIT,
                "fitted": f"{out.width}x{out.height} {out.video_codec}, {out.duration:.1f} s",
                "video_kbps": plan.video_bps // 1000,
                "audio_kbps": plan.audio_bps // 1000,
                "bot_fit_s": round(bot_s, 2),
                "bare_ffmpeg_s": round(bare_s, 2),
                "bare_bytes": bare_out.stat().st_size,
            }
        )


if __name__ == "__main__":
    asyncio.run(main())
