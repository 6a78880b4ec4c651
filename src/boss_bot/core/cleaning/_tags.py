"""What ffprobe sees in a video or audio file that identifies it: tags, chapters, data.

A file whose tags are all ones a muxer writes by itself (brands, encoder, handler,
language) and that has no chapters and no data or attachment streams (GoPro's GPS
telemetry is a data stream) is left as it is: rewriting it would remove nothing.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from boss_bot.core.ffmpeg import Tools, input_args, run

FORMAT_TAGS = frozenset({"major_brand", "minor_version", "compatible_brands", "encoder"})
STREAM_TAGS = frozenset({"language", "handler_name", "vendor_id", "encoder", "duration"})
KEPT_TYPES = ("video", "audio", "subtitle")
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z]{2})?")


@dataclass(frozen=True, slots=True)
class Contents:
    """The streams to keep (input index, language worth keeping) and whether to rewrite."""

    streams: tuple[tuple[int, str | None], ...]
    identifying: bool


def _extra(tags: dict, benign: frozenset[str]) -> bool:
    return any(str(key).lower() not in benign for key in tags)


def _language(stream: dict) -> str | None:
    language = str(stream.get("tags", {}).get("language", ""))
    return language if LANGUAGE.fullmatch(language) and language != "und" else None


async def contents(tools: Tools, path: Path, demuxer: str, time_limit: float) -> Contents | None:
    """What ``path`` (read as ``demuxer``) holds; ``None`` if ffprobe cannot read it."""
    assert tools.ffprobe is not None
    show = ["-print_format", "json", "-show_format", "-show_streams", "-show_chapters"]
    code, out = await run(
        [tools.ffprobe, "-v", "error", *show, *input_args(demuxer, path)], time_limit
    )
    if code:
        return None
    data = json.loads(out or b"{}")
    streams = data.get("streams", [])
    kept = tuple(
        (int(s["index"]), _language(s)) for s in streams if s.get("codec_type") in KEPT_TYPES
    )
    identifying = (
        bool(data.get("chapters"))
        or len(kept) < len(streams)
        or _extra(data.get("format", {}).get("tags", {}), FORMAT_TAGS)
        or any(_extra(s.get("tags", {}), STREAM_TAGS) for s in streams)
    )
    return Contents(kept, identifying)
