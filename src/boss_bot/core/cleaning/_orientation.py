"""Turning a JPEG upright before its EXIF goes, since the Orientation tag goes with it.

ffmpeg decodes the already stripped picture (so no decoder can apply the tag a second
time), applies the flip or rotation the tag asked for, and encodes it again at
``-q:v 2``; the original ICC profile segments are spliced back. This is the one case
where cleaning re-encodes image data. If that fails, or the result would no longer fit,
the stripped picture keeps a new APP1 holding only the Orientation: still lossless,
still upright wherever the tag is honoured, and nothing else about the photo.
"""

import asyncio
from pathlib import Path

from loguru import logger

from boss_bot.core.cleaning import _exif, _jpeg
from boss_bot.core.ffmpeg import Tools, input_args, run, size_of

FILTERS = {  # EXIF Orientation → the ffmpeg filters that undo it
    2: "hflip",
    3: "hflip,vflip",
    4: "vflip",
    5: "transpose=0",  # transpose
    6: "transpose=1",  # rotate 90° clockwise
    7: "transpose=3",  # transverse
    8: "transpose=2",  # rotate 90° counter-clockwise
}


def read_orientation(data: bytes) -> int:
    """The Orientation of a JPEG's first EXIF segment (1 when there is none)."""
    payloads = _jpeg.app_payloads(data, 0xE1, _exif.EXIF)
    return _exif.orientation(payloads[0]) if payloads else 1


def upright_filter(data: bytes) -> str | None:
    """The ffmpeg filters that turn the JPEG ``data`` upright; ``None`` if it is already.

    ffmpeg applies these itself when it decodes a JPEG that still has its EXIF
    (``autorotate``): fitting reads them to know the upright width.
    """
    try:
        return FILTERS.get(read_orientation(data))
    except _jpeg.JpegError:
        return None


async def _reencode(tools: Tools, path: Path, value: int, time_limit: float) -> bytes | None:
    """The picture at ``path`` turned by ffmpeg, or ``None`` if that failed."""
    out = path.with_name(".upright.jpg")  # our name: the remote one may hold %d
    args = [
        *(tools.ffmpeg or "ffmpeg", "-y", "-v", "error", *input_args("jpeg_pipe", path)),
        *("-frames:v", "1", "-vf", FILTERS[value], "-q:v", "2"),
        *("-fflags", "+bitexact", "-flags:v", "+bitexact", "-f", "mjpeg", f"file:{out}"),
    ]
    try:
        code, _ = await run(args, time_limit, tools.memory_mb)
        return await asyncio.to_thread(out.read_bytes) if code == 0 and size_of(out) else None
    finally:
        out.unlink(missing_ok=True)


async def upright(
    tools: Tools, path: Path, original: bytes, *, limit: int, time_limit: float
) -> bytes:
    """The stripped JPEG at ``path`` turned upright, with ``original``'s colour profile."""
    stripped, value = await asyncio.to_thread(path.read_bytes), read_orientation(original)
    if tools.ffmpeg and value in FILTERS and _jpeg.components(original) != 4:  # not CMYK
        try:
            if (turned := await _reencode(tools, path, value, time_limit)) is not None:
                own = b"".join(_jpeg.icc_segments(turned)[1])  # ffmpeg may copy it: ours only
                spliced = _jpeg.splice(own, _jpeg.icc_segments(original)[0])
                result = _jpeg.strip(spliced) or spliced
                if len(result) <= limit:
                    return result
        except (_jpeg.JpegError, OSError) as exc:
            logger.warning("{}: could not turn it upright ({})", path.name, exc)
    logger.info("{}: kept Orientation {} as its only EXIF", path.name, value)
    return _jpeg.splice(stripped, [_exif.orientation_segment(value)])
