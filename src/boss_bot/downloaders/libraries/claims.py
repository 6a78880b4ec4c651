"""Which extractors claim a link: asked in the fork server, where both libraries are loaded.

A library claims a link when one of its own extractors matches it: gallery-dl's first
match from ``extractor.find`` unless that is one of its fallbacks for any link
(``directlink``, ``generic``), and the first of yt-dlp's extractors whose ``suitable``
accepts it, ``Generic`` (any web page) excepted. Both are pure pattern matching: no
network. The libraries' patterns are compiled once in the server (``_preload``).
"""

import time
from functools import cache

import gallery_dl.extractor
import yt_dlp.extractor

from boss_bot.downloaders.fork_server.messages import Claims

GALLERYDL_FALLBACKS = frozenset({"directlink", "generic"})  # extractor categories
YTDLP_FALLBACKS = frozenset({"Generic"})  # extractor keys (``ie_key()``)


@cache
def _ytdlp_extractors() -> tuple[type[yt_dlp.extractor.common.InfoExtractor], ...]:
    classes = yt_dlp.extractor.gen_extractor_classes()
    return tuple(cls for cls in classes if cls.ie_key() not in YTDLP_FALLBACKS)


def gallerydl_claim(url: str) -> str | None:
    """The category of gallery-dl's extractor for ``url``, unless it is a fallback one."""
    extractor = gallery_dl.extractor.find(url)
    if extractor is None or type(extractor).category in GALLERYDL_FALLBACKS:
        return None
    return type(extractor).category


def ytdlp_claim(url: str) -> str | None:
    """The name of yt-dlp's first own extractor that accepts ``url``, if any."""
    claiming = next((cls for cls in _ytdlp_extractors() if cls.suitable(url)), None)
    return None if claiming is None else claiming.ie_key()


def claims(url: str) -> Claims:
    """Which libraries claim ``url`` (library → extractor), and what finding out took."""
    started = time.perf_counter()
    found = {"gallery-dl": gallerydl_claim(url), "yt-dlp": ytdlp_claim(url)}
    claimed = {library: name for library, name in found.items() if name is not None}
    return {"claimed": claimed, "seconds": round(time.perf_counter() - started, 6)}
