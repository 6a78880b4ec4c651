"""What the status says about a converted file (rendered as a quoted line under ✅)."""

from boss_bot.core.fmt import size
from boss_bot.core.media.names import shown_name

CODECS = {
    "hevc": "HEVC",
    "av1": "AV1",
    "prores": "ProRes",
    "mpeg4": "MPEG-4",
    "mpeg2video": "MPEG-2",
    "mpeg1video": "MPEG-1",
    "h264": "H.264",
    "opus": "Opus",
    "vorbis": "Vorbis",
    "aac": "AAC",
    "mp3": "MP3",
    "vp8": "VP8",
    "vp9": "VP9",
    "theora": "Theora",
    "wmv3": "WMV",
    "vc1": "VC-1",
    "ac3": "AC-3",
    "eac3": "E-AC-3",
    "dts": "DTS",
    "alac": "ALAC",
    "wmav2": "WMA",
}


def codec_name(codec: str | None) -> str:
    """How a note names ffprobe's ``codec`` (``hevc`` → "HEVC")."""
    return CODECS.get(codec or "", (codec or "an unknown codec").upper())


def moved(name: str, what: str) -> str:
    """A remux: "Moved clip.mkv into an mp4 so it plays here."."""
    return f"Moved {shown_name(name)} into {what} so it plays here."


def encoded(name: str, source: str | None, result: str) -> str:
    """A re-encode: "Converted clip.mp4 from HEVC to H.264 so it plays here."."""
    return f"Converted {shown_name(name)} from {codec_name(source)} to {result} so it plays here."


def sound(name: str, source: str | None, result: str) -> str:
    """A sound re-encoded, the picture copied: "Converted the sound of clip.mp4 from …"."""
    change = f"from {codec_name(source)} to {result}"
    return f"Converted the sound of {shown_name(name)} {change} so it plays here."


def animated(name: str, before: int, after: int) -> str:
    """A big animated picture made a video, with both sizes."""
    sizes = f"{size(before)} → {size(after)}"
    return f"Turned {shown_name(name)} into a video ({sizes}) so it plays here quickly."
