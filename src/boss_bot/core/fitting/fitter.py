"""Fitting a job's files to the upload limit, in the source's order (see ``core.fitting``).

A job's whole fitting holds one encode slot and is bounded by ``FIT_TIMEOUT`` from the
moment it gets the slot: on expiry the running ffmpeg is killed and the slot freed. What
was fitted (or fit already) is still delivered, the rest is listed as over the limit with
a note saying time ran out: the user asked for the media, and part of it is better than
none.
"""

import asyncio
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from loguru import logger

from boss_bot.core.ffmpeg import MediaInfo, Tools, probe, size_of
from boss_bot.core.fitting import InputBounds, fit_image, fit_video
from boss_bot.core.fmt import duration
from boss_bot.core.media.content import sniff_file
from boss_bot.core.media.names import shown_name
from boss_bot.core.results import Batch
from boss_bot.settings import BotSettings

STILL_CODECS = frozenset({"png", "mjpeg", "jpegls", "webp", "bmp", "tiff", "gif", "avif"})


def is_still(info: MediaInfo) -> bool:
    """A single-frame picture (an animated GIF is not: it becomes a video)."""
    return info.video_codec in STILL_CODECS and (info.frames or 1) <= 1


def _swap(original: Path, fitted: Path) -> Path:
    """Replace ``original`` by ``fitted``, under the original's name and the new extension."""
    original.unlink()
    return fitted.replace(original.with_suffix(fitted.suffix))


@dataclass(frozen=True, slots=True)
class Fitter:
    """Re-encodes or shrinks what is over the limit, when ffmpeg and ffprobe are there."""

    tools: Tools
    timeout: float = 300.0
    bounds: InputBounds = field(default_factory=InputBounds)
    # x264 uses every core already: encodes from several jobs take turns
    encodes: asyncio.Semaphore = field(
        default_factory=lambda: asyncio.Semaphore(max(1, (os.cpu_count() or 2) // 2))
    )

    @classmethod
    def from_settings(cls, settings: BotSettings) -> "Fitter":
        """Tools and their memory limit, ``FIT_TIMEOUT`` and the pixel/frame bounds."""
        tools = Tools.find(settings.ffmpeg_path, settings.ffprobe_path, settings.ffmpeg_memory_mb)
        bounds = InputBounds(settings.fit_max_megapixels, settings.fit_max_frames)
        return cls(tools, settings.fit_timeout, bounds)

    def needed(self, files: list[Path], limit: int) -> bool:
        """Whether any file is over ``limit`` and the tools to shrink it are there."""
        return self.tools.available and any(size_of(path) > limit for path in files)

    async def fit_one(self, path: Path, limit: int) -> Path:
        """The file itself if it fits or can't be fitted, else its fitted replacement."""
        return (await self._fit(path, limit))[0]

    async def _fit(self, path: Path, limit: int) -> tuple[Path, str]:
        """``fit_one``, with the sentence saying why a file was refused ("" if it was not)."""
        if size_of(path) <= limit or not self.tools.available:
            return path, ""
        demuxer = (await sniff_file(path)).demuxer  # the second check (``bossbotctl`` too)
        info = await probe(self.tools, path, demuxer, self.timeout) if demuxer else None
        if info is None or info.video_codec is None:
            logger.info("{} is over the limit and not something ffmpeg can shrink", path.name)
            return path, ""
        if refusal := self.bounds.refusal(shown_name(path.name), info):
            logger.info("not fitting: {}", refusal)
            return path, refusal
        fit = fit_image if is_still(info) else fit_video
        result = await fit(self.tools, path, info, limit, self.timeout)
        if result is None:
            logger.info("could not fit {} ({} B) under {} B", path.name, size_of(path), limit)
            return path, ""
        logger.info("fitted {} ({} B) into {} B", path.name, size_of(path), size_of(result))
        return _swap(path, result), ""

    async def fit_all(self, batch: Batch, limit: int) -> Batch:
        """Fit each file in turn, keeping their order, within ``timeout`` for them all."""
        done: list[Path] = []
        notes = list(batch.notes)
        async with self.encodes:
            try:
                async with asyncio.timeout(self.timeout):
                    for path in batch.files:
                        fitted, note = await self._fit(path, limit)
                        done.append(fitted)
                        notes.extend([note] if note else [])
            except TimeoutError:
                logger.warning("fitting stopped after {:.0f} s", self.timeout)
                notes.append(f"Stopped shrinking after {duration(self.timeout)}, my limit.")
        return replace(batch, files=[*done, *batch.files[len(done) :]], notes=tuple(notes))


NO_FITTING = Fitter(Tools(None, None))
