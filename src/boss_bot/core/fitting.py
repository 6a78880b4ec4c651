"""Fitting a job's files to the upload limit, in the source's order (see ``core.fit``)."""

import asyncio
import os
from dataclasses import dataclass, field
from pathlib import Path

from loguru import logger

from boss_bot.core.ffmpeg import MediaInfo, Tools, probe, size_of
from boss_bot.core.fit import fit_image, fit_video
from boss_bot.core.items import DownloadResult
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
    # x264 uses every core already: encodes from several jobs take turns
    encodes: asyncio.Semaphore = field(
        default_factory=lambda: asyncio.Semaphore(max(1, (os.cpu_count() or 2) // 2))
    )

    @classmethod
    def from_settings(cls, settings: BotSettings) -> "Fitter":
        """Tools from ``FFMPEG_PATH``/``FFPROBE_PATH`` or PATH; ``DOWNLOAD_TIMEOUT`` per run."""
        return cls(
            Tools.find(settings.ffmpeg_path, settings.ffprobe_path), settings.download_timeout
        )

    def needed(self, files: list[Path], limit: int) -> bool:
        """Whether any file is over ``limit`` and the tools to shrink it are there."""
        return self.tools.available and any(size_of(path) > limit for path in files)

    async def fit_one(self, path: Path, limit: int) -> Path:
        """The file itself if it fits or can't be fitted, else its fitted replacement."""
        if size_of(path) <= limit or not self.tools.available:
            return path
        info = await probe(self.tools, path)
        if info is None or info.video_codec is None:
            logger.info("{} is over the limit and not something ffmpeg can shrink", path.name)
            return path
        fit = fit_image if is_still(info) else fit_video
        async with self.encodes:
            result = await fit(self.tools, path, info, limit, self.timeout)
        if result is None:
            logger.info("could not fit {} ({} B) under {} B", path.name, size_of(path), limit)
            return path
        logger.info("fitted {} ({} B) into {} B", path.name, size_of(path), size_of(result))
        return _swap(path, result)

    async def fit_all(self, files: list[Path], limit: int) -> list[Path]:
        """Fit each file in turn (one ffmpeg at a time per job), keeping their order."""
        return [await self.fit_one(path, limit) for path in files]


NO_FITTING = Fitter(Tools(None, None))


def measure(files: list[Path], limit: int, elapsed: float) -> DownloadResult:
    """Sort the files into those that fit and those (named, with sizes) that don't."""
    sizes = {path: size_of(path) for path in files}
    fits = tuple(path for path, n in sizes.items() if n <= limit)
    over = tuple((path.name, n) for path, n in sizes.items() if n > limit)
    return DownloadResult(fits, over, limit, elapsed)
