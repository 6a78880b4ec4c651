"""A video's subtitles for search, fetched in the download child after yt-dlp's info.

Only when the job asks (``JobSpec.subtitle_langs``). One track is taken: the first
language matching the patterns (``re.fullmatch``, as yt-dlp's ``subtitleslangs``)
among the uploader's subtitles, else among the automatic captions, in its WebVTT
format. It is read through ``ydl.urlopen``, so the address guard (``guard`` patches
``socket.getaddrinfo``, which yt-dlp's request handlers connect through) and the
cookies apply as for the media; never ``writesubtitles``: nothing extra is written.
Subtitle bytes are small (2 MB at most): they are not paced by the bandwidth share.
Any failure means no captions, never a failed download.
"""

import re
import threading
from collections.abc import Mapping
from typing import Any

from yt_dlp.networking import Request

from boss_bot.core import untrusted
from boss_bot.core.captions import caption_pairs
from boss_bot.core.subtitles import captions_from_vtt
from boss_bot.downloaders.fork_server.messages import CardFacts, JobSpec
from boss_bot.downloaders.libraries.card_facts import from_ytdlp, guarded

MAX_BYTES = 2 * 1024 * 1024
BLOCK = 64 * 1024
SECONDS = 15.0  # the whole fetch, however slowly the server sends
MARGIN = 10.0  # seconds of the job's time left for the child to report and exit


def _matches(pattern: str, lang: object) -> bool:
    try:
        return isinstance(lang, str) and re.fullmatch(pattern, lang) is not None
    except re.error:
        return False


def _webvtt(formats: object) -> Mapping[str, Any] | None:
    """The track's WebVTT format (a link, or the text itself), if it has one."""
    tracks = formats if isinstance(formats, list) else []
    vtt = (track for track in tracks if isinstance(track, Mapping) and track.get("ext") == "vtt")
    usable = (t for t in vtt if isinstance(t.get("data"), str) or untrusted.web_link(t.get("url")))
    return next(usable, None)


def chosen_track(info: Mapping[str, Any], patterns: list[str]) -> Mapping[str, Any] | None:
    """The WebVTT track to read: subtitles first, then automatic captions, by pattern."""
    for key in ("subtitles", "automatic_captions"):
        tracks = info.get(key)
        languages = list(tracks.items()) if isinstance(tracks, Mapping) else []
        for pattern in patterns:
            for lang, formats in languages:
                if _matches(pattern, lang) and (track := _webvtt(formats)) is not None:
                    return track
    return None


def _read(ydl: Any, url: str, box: list[bytes]) -> None:
    """Read ``url`` into ``box``: its first ``MAX_BYTES`` at most, in blocks."""
    try:
        headers = {"Accept-Encoding": "identity"}  # no decompression bomb
        request = Request(url, headers=headers, extensions={"timeout": SECONDS})
        with ydl.urlopen(request) as response:
            data = bytearray()
            while len(data) < MAX_BYTES and (block := response.read(BLOCK)):
                data += block
        box.append(bytes(data[:MAX_BYTES]))
    except Exception:  # refused, cut off, not there: no captions
        return


def fetched(ydl: Any, url: str, seconds: float) -> bytes | None:
    """What ``url`` holds, if read within ``seconds`` (a trickling server is left behind)."""
    box: list[bytes] = []
    reader = threading.Thread(target=_read, args=(ydl, url, box), daemon=True)
    reader.start()
    reader.join(seconds)  # the child exits after the job, ending a reader still waiting
    return box[0] if box else None


def caption_facts(ydl: Any, info: object, patterns: list[str], seconds: float) -> list[Any]:
    """The captions of the video in ``info``, as JSON pairs; none on any failure."""
    if not isinstance(info, Mapping) or not patterns or seconds <= 0:
        return []
    if isinstance(entries := info.get("entries"), list):  # a playlist: its first video
        info = next((entry for entry in entries if isinstance(entry, Mapping)), {})
    track = chosen_track(info, patterns)
    if track is None:
        return []
    text = track.get("data")
    if not isinstance(text, str):
        raw = fetched(ydl, track["url"], min(seconds, SECONDS))
        text = raw.decode("utf-8", errors="replace") if raw else ""
    return caption_pairs(captions_from_vtt(text[:MAX_BYTES]))


def described(ydl: Any, info: object, spec: JobSpec, elapsed: float) -> CardFacts:
    """The card's facts in ``info``, with the captions when the job asks for them.

    The fetch ends ``MARGIN`` seconds before the job's time is up, at the latest.
    """
    card = guarded(from_ytdlp, info)
    patterns = [p for p in spec.get("subtitle_langs") or [] if isinstance(p, str)]
    seconds = spec.get("timeout", 300.0) - elapsed - MARGIN
    try:
        if captions := caption_facts(ydl, info, patterns, seconds):
            card["captions"] = captions
    except Exception:  # the captions never cost the download
        return card
    return card
