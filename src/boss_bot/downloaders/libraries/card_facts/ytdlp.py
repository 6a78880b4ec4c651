"""The card's facts in yt-dlp's info dict."""

from collections.abc import Mapping
from typing import Any

from boss_bot.downloaders.fork_server.messages import CardFacts
from boss_bot.downloaders.libraries.card_facts._clean import cleaned, first_of, tags_in


def from_ytdlp(info: Mapping[str, Any] | None) -> CardFacts:
    """The facts in yt-dlp's info dict (a playlist: its own, the first entry's thumbnail)."""
    info = info if isinstance(info, Mapping) else {}
    entries = info.get("entries") if info.get("_type") == "playlist" else None
    first = (
        next((e for e in entries if isinstance(e, Mapping)), {})
        if isinstance(entries, list)
        else {}
    )
    return cleaned(
        title=info.get("title"),
        description=info.get("description"),
        author=first_of(info.get("uploader"), info.get("channel"), info.get("creator")),
        author_url=first_of(info.get("uploader_url"), info.get("channel_url")),
        source_url=info.get("webpage_url"),
        thumbnail_url=first_of(info.get("thumbnail"), first.get("thumbnail")),
        duration=None if entries is not None else info.get("duration"),
        uploaded=first_of(info.get("upload_date"), info.get("timestamp")),
        tags=tags_in(info.get("tags"), info.get("categories")),
    )
