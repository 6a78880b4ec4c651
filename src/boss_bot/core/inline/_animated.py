"""Big animated pictures (GIF, animated WebP) made into H.264 mp4 video.

Discord animates small GIFs and WebPs itself, looping and without a tap, which a video
does not; but a large one is a video in disguise: it must load whole before it moves,
while H.264 carries the same frames in a fraction of the bytes. Over ``WORTH`` bytes
(about a second on a phone's connection) the wait is the bigger loss, so it becomes an
mp4 of at most half its size (an 8 s 640×360 GIF: 1.53 MB → 0.72 MB). ffmpeg
5.1 cannot decode animated WebP, so Pillow turns it into a lossless APNG first, in a
confined child (``core.media.webp_frames``), which ffmpeg then encodes.
"""

import json
import sys
from pathlib import Path

import aiofiles
from loguru import logger

from boss_bot.core.ffmpeg import MediaInfo, Tools, run, size_of
from boss_bot.core.fitting import InputBounds, fit_video

WORTH = 1024 * 1024
SMALLEST_TARGET = 256 * 1024
CHILD = "boss_bot.core.media.webp_frames"


async def animated_webp(path: Path) -> bool:
    """Whether ``path`` is an animated WebP (extended header with its animation flag)."""
    async with aiofiles.open(path, "rb") as handle:
        head = await handle.read(21)
    extended = head[:4] == b"RIFF" and head[8:16] == b"WEBPVP8X"
    return extended and len(head) == 21 and bool(head[20] & 0x02)


def worth(path: Path, limit: int) -> bool:
    """Whether an animated picture is big enough to become a video (or over the limit)."""
    return size_of(path) > min(WORTH, limit)


def target_bytes(path: Path, limit: int) -> int:
    """At most half the picture's size, and within the limit."""
    return min(limit, max(size_of(path) // 2, SMALLEST_TARGET))


async def webp_frames(
    tools: Tools, src: Path, bounds: InputBounds, time_limit: float
) -> MediaInfo | None:
    """Decode ``src`` to ``.inline.apng`` beside it; what that APNG is (``None``: refused)."""
    out = src.parent / ".inline.apng"
    pixels, frames = int(bounds.megapixels * 1e6), bounds.frames
    memory = tools.memory_mb * 1024 * 1024 // 3  # the frames; the APNG writer's copies
    args = [sys.executable, "-m", CHILD, str(src), str(out), str(pixels), str(frames), str(memory)]
    code, stdout = await run(args, time_limit, tools.memory_mb)
    if code:
        logger.info("could not decode animated WebP {} (exit {})", src.name, code)
        out.unlink(missing_ok=True)
        return None
    shown = json.loads(stdout)
    return MediaInfo(
        duration=float(shown["duration"]),
        width=int(shown["width"]),
        height=int(shown["height"]),
        video_codec="apng",
        has_audio=False,
        frames=int(shown["frames"]),
        has_alpha=bool(shown["alpha"]),
        demuxer="apng",
    )


async def to_video(
    tools: Tools, src: Path, info: MediaInfo | None, bounds: InputBounds, *, limit: int, time: float
) -> Path | None:
    """``src`` (a GIF probed as ``info``, or an animated WebP: ``None``) as an mp4, or ``None``."""
    target = target_bytes(src, limit)
    if info is None:
        info = await webp_frames(tools, src, bounds, time)
        frames = src.parent / ".inline.apng"
        try:
            return await fit_video(tools, frames, info, target, time) if info else None
        finally:
            frames.unlink(missing_ok=True)
    return await fit_video(tools, src, info, target, time)
