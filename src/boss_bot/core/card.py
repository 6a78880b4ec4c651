"""What a caption card says about the media: as the downloader reported it, so untrusted."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Card:
    """The facts a delivered message's embed shows; empty strings where not known.

    Every text here came from the remote site: the bot cuts and escapes it before
    showing it, and never lets a mention in it resolve.

    Attributes:
        title: The post's or video's title (or its text, for a post without one).
        author: Who posted it, as the site names them.
        author_url: A link to the author's page.
        source_url: The page the media came from.
        duration: Seconds, for video and audio.
        uploaded: When the site says it was first posted.
        thumbnail_url: The site's own thumbnail (an http(s) link).
        poster: A frame taken from the video, when the site gives no thumbnail.
        description: The post's text or the video's description, when there is one.
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
