"""Cleaning the files a job posts: no EXIF, XMP, IPTC, comments, tags or chapters.

``BOSS_BOT_STRIP_METADATA`` (on by default) adds ``Cleaner`` as the runner's last step.
Pictures are rewritten losslessly in Python (JPEG marker segments, PNG chunks, WebP
chunks, GIF blocks) keeping colour profiles; a JPEG is re-encoded only when its EXIF
asked for a rotation, so it stays upright. Video and audio are stream-copied by ffmpeg
into the same container without metadata (see ``step``).
"""

from boss_bot.core.cleaning._orientation import upright_filter
from boss_bot.core.cleaning.step import Cleaner
from boss_bot.core.ffmpeg import Tools
from boss_bot.core.results import BatchStep
from boss_bot.settings import BotSettings

__all__ = ["Cleaner", "cleaning_steps", "upright_filter"]


def cleaning_steps(settings: BotSettings) -> list[BatchStep]:
    """``[Cleaner]`` when ``STRIP_METADATA`` is on, else nothing."""
    if not settings.strip_metadata:
        return []
    tools = Tools.find(settings.ffmpeg_path, settings.ffprobe_path, settings.ffmpeg_memory_mb)
    return [Cleaner(tools, settings.fit_timeout)]
