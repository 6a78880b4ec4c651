"""Which links auto-download takes on its own: sites known for media, and media files.

A link typed into chat is often a news article or a search page, which ``$dl`` would
try and fail on. Auto-download (``on`` and ``react``) keeps to links that are media:
Twitter/X and Reddit posts, the well-known media sites below, and links whose path
ends in a media file's extension. Pure: no network.
"""

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from boss_bot.core.urls import CheckedURL, Platform

MEDIA_SITES = (
    "youtube.com",
    "youtu.be",
    "tiktok.com",
    "instagram.com",
    "imgur.com",
    "bsky.app",
    "vimeo.com",
    "streamable.com",
    "twitch.tv",
    "redgifs.com",
    "tumblr.com",
    "pixiv.net",
    "soundcloud.com",
    "bandcamp.com",
    "dailymotion.com",
    "bilibili.com",
    "threads.net",
    "pinterest.com",
    "flickr.com",
    "deviantart.com",
    "artstation.com",
    "catbox.moe",
    "giphy.com",
    "tenor.com",
    "kick.com",
    "rumble.com",
    "odysee.com",
    "v.redd.it",
)
MEDIA_SUFFIXES = frozenset(
    {
        ".mp4",
        ".webm",
        ".mov",
        ".mkv",
        ".m4v",
        ".gif",
        ".gifv",
        ".png",
        ".jpg",
        ".jpeg",
        ".webp",
        ".avif",
        ".mp3",
        ".m4a",
        ".ogg",
        ".opus",
        ".flac",
        ".wav",
    }
)


def worth_auto(url: CheckedURL) -> bool:
    """Whether auto-download should take ``url`` (a checked link) without being asked."""
    if url.platform is not Platform.GENERIC:
        return True
    if any(url.host == site or url.host.endswith("." + site) for site in MEDIA_SITES):
        return True
    return PurePosixPath(urlsplit(url.url).path).suffix.lower() in MEDIA_SUFFIXES
