"""Scaling and recompressing a still picture under a byte limit (JPEG, or WebP with alpha).

A sideways phone photo (EXIF Orientation) comes out upright: ffmpeg turns it as it
decodes (its ``autorotate``), so the width to scale to is the upright one, the stored
height for a quarter turn.
"""

import asyncio
from pathlib import Path

from boss_bot.core.cleaning import upright_filter
from boss_bot.core.ffmpeg import MediaInfo, Tools, input_args, run, size_of

QUARTER_TURNS = ("transpose",)  # these swap width and height


async def fit_image(
    tools: Tools, src: Path, info: MediaInfo, limit: int, time_limit: float
) -> Path | None:
    """Scale and recompress a still image under ``limit``; ``None`` if three tries can't."""
    if info.has_alpha:
        ext, codec = ".webp", ["-c:v", "libwebp", "-quality", "80", "-f", "webp"]
    else:
        ext, codec = ".jpg", ["-q:v", "3", "-f", "mjpeg"]  # one frame of mjpeg is a JPEG
    scale = min(1.0, (limit / max(size_of(src), 1)) ** 0.5 * 1.5)
    turn = await asyncio.to_thread(_turn, src) if info.demuxer == "jpeg_pipe" else None
    across = info.height if turn and turn.startswith(QUARTER_TURNS) else info.width
    for attempt in range(3):
        out = src.parent / f".fit{attempt}{ext}"  # our name: the remote one may hold %d
        width = max(16, int((across or 1024) * scale)) // 2 * 2
        args = [
            *(tools.ffmpeg or "ffmpeg", "-y", "-v", "error", *input_args(info.demuxer, src)),
            *("-frames:v", "1", "-vf", f"scale={width}:-2", *codec, f"file:{out}"),
        ]
        code, _ = await run(args, time_limit, tools.memory_mb)
        if code == 0 and 0 < size_of(out) <= limit:
            return out
        out.unlink(missing_ok=True)
        scale *= 0.6
    return None


def _turn(src: Path) -> str | None:
    """The filters that turn the JPEG at ``src`` upright (``None``: it is, or unreadable)."""
    try:
        return upright_filter(src.read_bytes())
    except OSError:
        return None
