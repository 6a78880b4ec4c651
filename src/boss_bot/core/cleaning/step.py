"""The cleaning step: each file of a batch without what identifies it, in the same order.

Pictures are rewritten in Python, losslessly (``_jpeg``, ``_png``, ``_webp``, ``_gif``);
a JPEG whose EXIF asked for a rotation is turned upright first (``_orientation``).
Video and audio go through ffmpeg's stream copy (``_media``). A file over the upload
limit is skipped (it will not be posted). A file that cannot be cleaned, malformed or
refused by ffmpeg, is still posted as it came, with a warning in the log: the user asked
for it, the site already shows it as it is, and losing it would help no one.
"""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from loguru import logger

from boss_bot.core.cleaning import _gif, _jpeg, _media, _orientation, _png, _tags, _webp
from boss_bot.core.ffmpeg import Tools, size_of
from boss_bot.core.media.content import sniff_file
from boss_bot.core.results import Batch

PICTURES: dict[str, Callable[[bytes], bytes | None]] = {
    "jpeg_pipe": _jpeg.strip,
    "png_pipe": _png.strip,
    "apng": _png.strip,
    "webp_pipe": _webp.strip,
    "gif": _gif.strip,
}
MEDIA = frozenset({"mov", "matroska", "mpegts", "mp3", "aac", "ogg", "flac", "wav"})


def _strip_file(path: Path, strip: Callable[[bytes], bytes | None]) -> bytes | None:
    """Strip the picture at ``path`` in place; return its original bytes if it changed."""
    original = path.read_bytes()
    cleaned = strip(original)
    if cleaned is not None:
        path.write_bytes(cleaned)
    return original if cleaned is not None else None


@dataclass(frozen=True, slots=True)
class Cleaner:
    """Strips metadata from a job's files (video and audio only when ffmpeg is there)."""

    tools: Tools
    timeout: float = 300.0

    async def __call__(self, batch: Batch, limit: int) -> Batch:
        """The batch with each file cleaned in place, same names, same order."""
        return replace(batch, files=[await self.clean(path, limit) for path in batch.files])

    async def clean(self, path: Path, limit: int) -> Path:
        """Clean ``path`` in place if it will be posted; it is kept whatever happens."""
        if size_of(path) > limit:
            return path
        demuxer = (await sniff_file(path)).demuxer or ""
        try:
            if demuxer in PICTURES:
                await self._picture(path, demuxer, limit)
            elif demuxer in MEDIA and self.tools.available:
                await self._media(path, demuxer)
        except ValueError as exc:  # the parsers refuse what they cannot walk safely
            logger.warning("{} posted without cleaning: {}", path.name, exc)
        except Exception:  # anything else: the file still goes out as it came
            logger.exception("{} posted without cleaning", path.name)
        return path

    async def _picture(self, path: Path, demuxer: str, limit: int) -> None:
        original = await asyncio.to_thread(_strip_file, path, PICTURES[demuxer])
        if original is None or demuxer != "jpeg_pipe":
            return
        if (value := _orientation.read_orientation(original)) != 1:
            upright = _orientation.upright
            turned = await upright(self.tools, path, original, limit=limit, time_limit=self.timeout)
            await asyncio.to_thread(path.write_bytes, turned)
        logger.debug("{}: stripped (orientation {})", path.name, value)

    async def _media(self, path: Path, demuxer: str) -> None:
        contents = await _tags.contents(self.tools, path, demuxer, self.timeout)
        if contents is None or not contents.identifying:
            return
        if not await _media.copy_clean(self.tools, path, demuxer, contents, self.timeout):
            logger.warning("{} posted with its tags: ffmpeg could not copy it", path.name)
