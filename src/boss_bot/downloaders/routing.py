"""Which downloader handles which URL.

gallery-dl knows posts with several images (Twitter/X, Reddit galleries) and direct
image links; yt-dlp knows video sites and direct media links. Reddit-hosted video
(v.redd.it) goes to yt-dlp, which merges its separate audio and video streams.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from boss_bot.core.ports import Downloader
from boss_bot.core.urls import CheckedURL, Platform
from boss_bot.downloaders.engines import GALLERYDL, YTDLP, ChildDownloader
from boss_bot.downloaders.fork_server.forker import Forker

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp"})


def engine_for(url: CheckedURL) -> str:
    """The library that handles ``url``: ``yt-dlp`` or ``gallery-dl``."""
    if url.host == "v.redd.it":
        return YTDLP
    if url.platform in (Platform.TWITTER, Platform.REDDIT):
        return GALLERYDL
    suffix = PurePosixPath(urlsplit(url.url).path).suffix.lower()
    return GALLERYDL if suffix in IMAGE_SUFFIXES else YTDLP


@dataclass(frozen=True, slots=True)
class Downloaders:
    """yt-dlp and gallery-dl, both forked from one server; ``route`` is the core's ``Router``."""

    forker: Forker

    def route(self, url: CheckedURL) -> Downloader:
        """Return the downloader for a checked URL."""
        return ChildDownloader(engine_for(url), self.forker)
