"""Which downloader tries a link first, and which one next (``fallback``).

Each library says which links its own extractors handle; that is asked of the fork
server, where both are loaded (``Forker.claims``), so routing costs no import. Their
catch-alls do not count: gallery-dl's ``directlink``/``generic`` and yt-dlp's
``Generic``. The order:

- both claim (X/Twitter, Reddit, Instagram, TikTok, Imgur, Bluesky, Tumblr): gallery-dl,
  which takes images, galleries and most videos, then yt-dlp (video-only posts);
- only yt-dlp claims (YouTube, Vimeo, most video sites): yt-dlp, then gallery-dl;
- only gallery-dl claims (Pixiv, image galleries): gallery-dl, then yt-dlp;
- neither (a direct link, v.redd.it, an unknown page): a picture's suffix goes to
  gallery-dl's direct-link extractor first, anything else to yt-dlp's generic one.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from boss_bot.core.ports import Downloader
from boss_bot.core.urls import CheckedURL
from boss_bot.downloaders.engines import GALLERYDL, YTDLP, ChildDownloader
from boss_bot.downloaders.fallback import FallbackDownloader, ask_claims
from boss_bot.downloaders.fork_server.forker import Forker

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp"})


def order(url: str, claimed: Mapping[str, str]) -> tuple[str, str]:
    """The libraries to try on ``url``, first to last, given which of them claim it."""
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    if GALLERYDL in claimed or (YTDLP not in claimed and suffix in IMAGE_SUFFIXES):
        return GALLERYDL, YTDLP
    return YTDLP, GALLERYDL


@dataclass(frozen=True, slots=True)
class Downloaders:
    """yt-dlp and gallery-dl, both forked from one server; ``route`` is the core's ``Router``."""

    forker: Forker

    def route(self, url: CheckedURL) -> Downloader:
        """A downloader for ``url`` that tries the libraries in ``order``."""
        engines = {name: ChildDownloader(name, self.forker) for name in (GALLERYDL, YTDLP)}
        return FallbackDownloader(partial(ask_claims, self.forker), engines, order)

    async def order_for(self, url: str) -> tuple[str, str]:
        """The order ``route``'s downloader will try the libraries in, asked of the server."""
        return order(url, (await ask_claims(self.forker, url))["claimed"])
