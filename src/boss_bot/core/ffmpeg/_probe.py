"""What ffprobe says about a file, opened with the demuxer its content was sniffed as."""

import json
from dataclasses import dataclass
from pathlib import Path

from loguru import logger

from boss_bot.core.ffmpeg._inputs import allowed_format, input_args
from boss_bot.core.ffmpeg._process import run
from boss_bot.core.ffmpeg._tools import Tools


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """What ffprobe says about a file (``None`` where it does not say)."""

    duration: float | None
    width: int | None
    height: int | None
    video_codec: str | None
    has_audio: bool
    frames: int | None
    has_alpha: bool
    demuxer: str = ""
    audio_codec: str | None = None  # the first audio stream's
    pixel_format: str | None = None  # the picture's (``yuv420p``, ``yuv420p10le``, …)

    @property
    def megapixels(self) -> float:
        """Width times height, in millions (0 when unknown)."""
        return (self.width or 0) * (self.height or 0) / 1e6


def _number(value: object) -> float | None:
    if not isinstance(value, str | int | float):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _picture(streams: list[dict]) -> dict:
    """The first video stream that is not cover art."""
    pictures = (s for s in streams if s.get("codec_type") == "video")
    return next((s for s in pictures if not s.get("disposition", {}).get("attached_pic")), {})


async def probe(tools: Tools, path: Path, demuxer: str, time_limit: float = 60) -> MediaInfo | None:
    """Describe ``path`` read as ``demuxer``; ``None`` if that fails or it is not allowed."""
    assert tools.ffprobe is not None
    show = ["-print_format", "json", "-show_format", "-show_streams", "-count_packets"]
    args = [tools.ffprobe, "-v", "error", *show, *input_args(demuxer, path)]
    code, out = await run(args, time_limit, tools.memory_mb)
    if code:
        return None
    data = json.loads(out or b"{}")
    format_name = str(data.get("format", {}).get("format_name", ""))
    if not allowed_format(format_name):  # the second wall: never fit what this says
        logger.warning("{} probed as {!r}, not an allowed format", path.name, format_name)
        return None
    streams = data.get("streams", [])
    video = _picture(streams)
    audio = next((s for s in streams if s.get("codec_type") == "audio"), {})
    duration = _number(data.get("format", {}).get("duration")) or _number(video.get("duration"))
    frames = _number(video.get("nb_read_packets")) or _number(video.get("nb_frames"))
    return MediaInfo(
        duration=duration,
        width=video.get("width"),
        height=video.get("height"),
        video_codec=video.get("codec_name"),
        has_audio=bool(audio),
        frames=int(frames) if frames else None,
        has_alpha="a" in str(video.get("pix_fmt", "")).replace("gray", ""),
        demuxer=demuxer,
        audio_codec=audio.get("codec_name"),
        pixel_format=video.get("pix_fmt"),
    )


def size_of(path: Path) -> int:
    """Bytes in ``path``; 0 if it is not there."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
