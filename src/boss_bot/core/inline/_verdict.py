"""Deciding, from the probe, what a file needs to play inline: nothing, a remux, an encode."""

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import aiofiles

from boss_bot.core.ffmpeg import MediaInfo
from boss_bot.core.inline._table import AUDIO, H264_PIXELS, MP4, WEBM, Target

# The containers of video and audio we judge; pictures and GIFs are not (``_animated``).
JUDGED = frozenset({"mov", "matroska", "mpegts", "mp3", "aac", "ogg", "flac", "wav"})
M4A = next(target for target in AUDIO if target.muxer == "ipod")
EBML_DOCTYPE = b"\x42\x82"


class Action(Enum):
    """What a file needs."""

    KEEP = "keep"  # it plays as it is
    REMUX = "remux"  # right codecs, wrong container or name: copy the streams over
    ENCODE = "encode"  # codecs no client plays everywhere: H.264/AAC mp4 (AAC m4a)
    SOUND = "sound"  # the picture plays, the sound does not: copy one, re-encode the other
    ANIMATE = "animate"  # a big animated GIF or WebP: an H.264 mp4 (``_animated``)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a file needs, and the container it goes into (``None`` when kept)."""

    action: Action
    target: Target | None = None


KEEP = Verdict(Action.KEEP)


async def is_webm(path: Path) -> bool:
    """Whether a Matroska file says it is WebM (its EBML DocType), which browsers require."""
    async with aiofiles.open(path, "rb") as handle:
        head = await handle.read(64)
    at = head.find(EBML_DOCTYPE)
    return at >= 0 and head[at + 3 : at + 7] == b"webm"


def _audio_target(codec: str, demuxer: str) -> Target | None:
    """The audio container for ``codec``: the file's own if it plays, else the first."""
    fits = [target for target in AUDIO if codec in target.audio]
    return next((t for t in fits if t.demuxer == demuxer), fits[0] if fits else None)


def _video_target(info: MediaInfo) -> tuple[Target | None, bool]:
    """The video container for the file's picture, if one plays it; and if its sound too."""
    for target in (MP4, WEBM):
        if info.video_codec in target.video:
            if target is MP4 and info.pixel_format not in H264_PIXELS:
                return None, False  # 10-bit or 4:4:4 H.264: browsers and phones refuse it
            return target, info.audio_codec is None or info.audio_codec in target.audio
    return None, False


def judge(info: MediaInfo, name: str, webm: bool) -> Verdict:
    """What the file ``name`` (probed as ``info``; ``webm``: its DocType) needs.

    A file whose codecs play goes into the container that holds them (a remux, when it
    is not there or not named so); one whose codecs don't is encoded.
    """
    if info.demuxer not in JUDGED or (info.video_codec is None and info.audio_codec is None):
        return KEEP
    if info.video_codec is None:  # audio only (cover art is not a video)
        target, fallback = _audio_target(str(info.audio_codec), info.demuxer), M4A
    else:
        (target, sound), fallback = _video_target(info), MP4
        if target is not None and not sound:  # H.264 with Opus, as yt-dlp merges them
            return Verdict(Action.SOUND, target)
    if target is None:
        return Verdict(Action.ENCODE, fallback)
    there = info.demuxer == target.demuxer and (target is not WEBM or webm)
    if there and Path(name).suffix.lower() in target.names:
        return KEEP
    return Verdict(Action.REMUX, target)
