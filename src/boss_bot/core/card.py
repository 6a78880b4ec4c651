"""What the downloader says about the media: as the site reported it, so untrusted."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from boss_bot.core.captions import Caption

TITLE, DESCRIPTION, AUTHOR = 512, 5000, 256  # characters kept (the embed cuts further)
MAX_TAGS, TAG = 30, 64  # tags kept, and characters of each


@dataclass(frozen=True, slots=True)
class Card:
    """The facts the site gave about the media; empty where not known.

    The caption card (the embed on the delivered message) shows part of them; search
    indexes all of them, subtitles included. Every text here came from the remote
    site: cleaned and capped (``core.untrusted``), but the bot still escapes it before
    showing it and never lets a mention in it resolve.

    Attributes:
        title: The post's or video's title (or its text, for a post without one).
        author: Who posted it, as the site names them.
        author_url: A link to the author's page.
        source_url: The page the media came from.
        duration: Seconds, for video and audio.
        uploaded: When the site says it was first posted.
        thumbnail_url: The site's own thumbnail (an http(s) link).
        poster: A frame taken from the video, when the site gives no thumbnail (a file
            next to the job's: it never leaves the host that made it).
        description: The post's text or the video's description, whole (up to 5000
            characters): the embed shows its start.
        tags: Tags, categories, hashtags and the subreddit (``r/name``), at most 30.
        captions: The subtitles in stretches of about 30 to 60 seconds, when the job
            asked for them (``JobLimits.subtitle_langs``) and the site had them.
        shown: Whether the files' message carries the embed (``CAPTION_CARD``); search
            keeps the facts either way.
    """

    title: str = ""
    author: str = ""
    author_url: str = ""
    source_url: str = ""
    duration: float | None = None
    uploaded: date | None = None
    thumbnail_url: str = ""
    poster: Path | None = None
    description: str = ""
    tags: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()
    shown: bool = True
