"""What of an entry gets indexed and embedded: one passage about it, one per caption stretch.

A store gives each passage its own row (words, and a vector when there is a model); a
search returns an item's best passage. Vectors handed to ``SearchIndex.add`` have one
row per passage, in the order ``passages`` returns them.
"""

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from boss_bot.core.search.entries import Entry

PassageKind = Literal["about", "caption"]


@dataclass(frozen=True, slots=True)
class Passage:
    """One stretch of an entry's text, indexed and embedded on its own.

    Attributes:
        kind: ``about`` (title, uploader, tags, description, host) or ``caption``.
        text: The passage's text, as embedded (lines joined with newlines).
        start: Seconds into the video where a caption stretch begins; None for ``about``.
    """

    kind: PassageKind
    text: str
    start: float | None = None


def host_of(url: str) -> str:
    """The site a source URL is on, without ``www.`` ("" when there is none)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def about_text(entry: Entry) -> str:
    """The ``about`` passage's text: title, uploader, tags, description and host."""
    parts = (entry.title, entry.uploader, " ".join(entry.tags), entry.description)
    return "\n".join(part for part in (*parts, host_of(entry.source_url)) if part)


def passages(entry: Entry) -> list[Passage]:
    """The passages of ``entry``: ``about`` first, then one per caption stretch in order."""
    about = Passage("about", about_text(entry))
    captions = [Passage("caption", c.text, c.start) for c in entry.captions if c.text.strip()]
    return [about, *captions]
