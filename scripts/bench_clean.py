"""Benchmark: stripping the metadata from a ~50 MB video, next to a bare ``ffmpeg -c copy``.

Makes the clip with ffmpeg (testsrc2 with noise at a high bitrate, with a title, comment
and location), cleans a fresh copy of it with the bot's ``Cleaner`` three times (sniff,
ffprobe, then a stream copy without metadata, faststart), and times a bare stream copy
of the same file and the bot's ffmpeg command run by hand as often. Prints the medians.

    uv run python scripts/bench_clean.py
"""

import asyncio
import shlex
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from _bench import report

from boss_bot.core.cleaning import Cleaner
from boss_bot.core.cleaning._media import copy_args
from boss_bot.core.cleaning._tags import contents
from boss_bot.core.ffmpeg import Tools, run
from boss_bot.core.results import Batch

LIMIT = 100 * 1024 * 1024
RUNS = 3
TAGS = ("title=Our street", "comment=shot by Jane", "location=+48.8577+002.2950/")


def make_clip(path: Path) -> None:
    """30 s of noisy 1080p at ~13 Mb/s with a tone and identifying tags: about 50 MB."""
    tags = [arg for tag in TAGS for arg in ("-metadata", tag)]
    subprocess.run(
        [
            *("ffmpeg", "-y", "-v", "error"),
            *("-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30,noise=alls=8:allf=t"),
            *("-f", "lavfi", "-i", "sine=frequency=440", "-t", "30"),
            *("-c:v", "libx264", "-preset", "ultrafast", "-b:v", "13M", "-c:a", "aac"),
            *(*tags, str(path)),
        ],
        check=True,
    )


async def main() -> None:
    tools = Tools.find()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "clip.mp4"
        make_clip(src)
        bare_out = Path(tmp) / "bare.mp4"
        bare = ["ffmpeg", "-y", "-v", "error", "-i", str(src), "-c", "copy", str(bare_out)]
        found = await contents(tools, src, "mov", 60)
        assert found is not None
        same = copy_args(tools, src, Path(tmp) / "same.mp4", found, demuxer="mov", muxer="mp4")
        bot_times, bare_times, same_times = [], [], []
        cleaned = Path(tmp) / "cleaned.mp4"
        for _ in range(RUNS):
            for command, times in ((bare, bare_times), (same, same_times)):
                started = time.monotonic()
                assert (await run(command, 600))[0] == 0
                times.append(time.monotonic() - started)
            shutil.copyfile(src, cleaned)
            started = time.monotonic()
            await Cleaner(tools, 600)(Batch([cleaned]), LIMIT)
            bot_times.append(time.monotonic() - started)
        after = await contents(tools, cleaned, "mov", 60)
        print("ffmpeg command the bot runs (after one ffprobe):")
        print("  " + shlex.join(same))
        report(
            {
                "source_bytes": src.stat().st_size,
                "cleaned_bytes": cleaned.stat().st_size,
                "bot_clean_s": round(statistics.median(bot_times), 2),
                "bare_copy_s": round(statistics.median(bare_times), 2),
                "bare_bytes": bare_out.stat().st_size,
                "same_command_s": round(statistics.median(same_times), 2),
                "tags_left": after is None or after.identifying,
                "runs": RUNS,
            }
        )


if __name__ == "__main__":
    asyncio.run(main())
