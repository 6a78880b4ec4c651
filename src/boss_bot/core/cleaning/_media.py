"""Video and audio without tags or chapters: ffmpeg copies the streams, bit for bit.

Global, stream and chapter metadata are dropped (``-map_metadata -1 -map_chapters
-1``), so are data streams (telemetry, GPS tracks, timecode) and attachments; each
stream's language is written back, and the rotation of a video survives (it is side
data, not a tag). ``bitexact`` stops the muxer writing its own name and version. The
output is the same container as the input, replacing it under the same name.
"""

from pathlib import Path

from boss_bot.core.cleaning._tags import Contents
from boss_bot.core.ffmpeg import Tools, input_args, run, size_of

MUXERS = {"mpegts": "mpegts", "mp3": "mp3", "aac": "adts", "ogg": "ogg", "flac": "flac"}
MUXERS |= {"wav": "wav"}
FASTSTART = frozenset({"mp4", "mov", "ipod"})


def muxers(demuxer: str, head: bytes) -> list[str]:
    """The muxers that write the container ``head`` starts, best first."""
    if demuxer == "mov":
        brand = head[8:12]
        best = "mov" if brand == b"qt  " else "ipod" if brand in (b"M4A ", b"M4B ") else "mp4"
        return list(dict.fromkeys([best, "mov"]))  # mov takes codecs mp4 refuses
    if demuxer == "matroska":
        return list(dict.fromkeys(["webm" if b"webm" in head else "matroska", "matroska"]))
    return [MUXERS[demuxer]] if demuxer in MUXERS else []


def copy_args(
    tools: Tools, src: Path, out: Path, contents: Contents, *, demuxer: str, muxer: str
) -> list[str]:
    """The ffmpeg command copying ``src``'s kept streams into ``out`` without metadata."""
    maps = [arg for index, _ in contents.streams for arg in ("-map", f"0:{index}")]
    languages = [
        arg
        for at, (_, language) in enumerate(contents.streams)
        if language
        for arg in (f"-metadata:s:{at}", f"language={language}")
    ]
    faststart = ["-movflags", "+faststart"] if muxer in FASTSTART else []
    return [
        *(tools.ffmpeg or "ffmpeg", "-y", "-v", "error", *input_args(demuxer, src), *maps),
        *("-c", "copy", "-map_metadata", "-1", "-map_chapters", "-1", *languages),
        *("-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"),
        *(*faststart, "-f", muxer, f"file:{out}"),
    ]


async def copy_clean(
    tools: Tools, path: Path, demuxer: str, contents: Contents, time_limit: float
) -> bool:
    """Rewrite ``path`` in place without its metadata; ``False`` (untouched) if ffmpeg can't."""
    with path.open("rb") as handle:
        head = handle.read(64)
    out = path.with_name(".clean.tmp")  # our name: the remote one may hold %d
    for muxer in muxers(demuxer, head):
        args = copy_args(tools, path, out, contents, demuxer=demuxer, muxer=muxer)
        code, _ = await run(args, time_limit, tools.memory_mb)
        if code == 0 and size_of(out):
            out.replace(path)
            return True
    out.unlink(missing_ok=True)
    return False
