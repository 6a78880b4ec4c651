"""The caption card's facts, from yt-dlp's info dict or gallery-dl's metadata of a file.

Runs in the download child. Every value came from the site: only strings, numbers and
dates of the expected types are kept, lengths are capped here (the bot cuts them to
Discord's limits), and only http(s) links pass (``core.untrusted``).
"""

import re
from collections.abc import Callable, Mapping
from typing import Any, cast

from boss_bot.core import untrusted
from boss_bot.downloaders.fork_server.messages import CardFacts

TITLE, DESCRIPTION, AUTHOR = 512, 1000, 256
HANDLE = re.compile(r"[A-Za-z0-9_-]{1,40}")


def _facts(**values: object) -> CardFacts:
    """The cleaned facts, without the empty ones."""
    facts: dict[str, object] = {
        "title": untrusted.text(values.get("title"), TITLE),
        "description": untrusted.text(values.get("description"), DESCRIPTION, lines=True),
        "author": untrusted.text(values.get("author"), AUTHOR),
        "author_url": untrusted.web_link(values.get("author_url")),
        "source_url": untrusted.web_link(values.get("source_url")),
        "thumbnail_url": untrusted.web_link(values.get("thumbnail_url")),
        "duration": untrusted.seconds(values.get("duration")),
    }
    uploaded = untrusted.day(values.get("uploaded"))
    facts["uploaded"] = uploaded.isoformat() if uploaded else None
    return cast("CardFacts", {key: value for key, value in facts.items() if value})


def guarded(make: Callable[..., CardFacts], *args: object) -> CardFacts:
    """``make(*args)``, or no facts if the metadata was shaped so that it failed."""
    try:
        return make(*args)
    except Exception:  # the card never costs the download
        return CardFacts()


def _first(*values: object) -> object:
    """The first value that is a non-empty string or a number."""
    return next(
        (v for v in values if (isinstance(v, str) and v) or isinstance(v, int | float)), None
    )


def from_ytdlp(info: Mapping[str, Any] | None) -> CardFacts:
    """The facts in yt-dlp's info dict (a playlist: its own, the first entry's thumbnail)."""
    info = info if isinstance(info, Mapping) else {}
    entries = info.get("entries") if info.get("_type") == "playlist" else None
    first = (
        next((e for e in entries if isinstance(e, Mapping)), {})
        if isinstance(entries, list)
        else {}
    )
    return _facts(
        title=info.get("title"),
        description=info.get("description"),
        author=_first(info.get("uploader"), info.get("channel"), info.get("creator")),
        author_url=_first(info.get("uploader_url"), info.get("channel_url")),
        source_url=info.get("webpage_url"),
        thumbnail_url=_first(info.get("thumbnail"), first.get("thumbnail")),
        duration=None if entries is not None else info.get("duration"),
        uploaded=_first(info.get("upload_date"), info.get("timestamp")),
    )


def _person(value: object) -> tuple[str, str]:
    """A display name and a handle, from a name or a dict like gallery-dl's ``author``."""
    if isinstance(value, str):
        return value, value
    if not isinstance(value, Mapping):
        return "", ""
    handle = _first(value.get("name"), value.get("username"), value.get("nick"))
    shown = _first(value.get("nick"), value.get("display_name"), value.get("name"))
    return (shown if isinstance(shown, str) else ""), (handle if isinstance(handle, str) else "")


def from_gallerydl(kwdict: Mapping[str, Any], url: str) -> CardFacts:
    """The facts in the metadata of a gallery's first file (Twitter, Reddit, any other)."""
    site = kwdict.get("category")
    who = (kwdict.get(key) for key in ("author", "user", "uploader"))
    shown, handle = _person(next((value for value in who if value), None))
    known = HANDLE.fullmatch(handle) is not None
    author, author_url, source = shown, "", url
    if site == "twitter" and known:
        author, author_url = (
            f"{shown} (@{handle})" if shown != handle else f"@{handle}",
            f"https://x.com/{handle}",
        )
    elif site == "reddit" and known:
        author, author_url = f"u/{handle}", f"https://www.reddit.com/user/{handle}"
        permalink = kwdict.get("permalink")
        if isinstance(permalink, str) and permalink.startswith("/r/"):
            source = "https://www.reddit.com" + permalink
    title = kwdict.get("title") or (kwdict.get("filename") if site == "directlink" else "")
    return _facts(
        title=title,
        description=_first(
            kwdict.get("content"), kwdict.get("description"), kwdict.get("selftext")
        ),
        author=author,
        author_url=author_url,
        source_url=source,
        duration=kwdict.get("duration"),
        uploaded=kwdict.get("date"),
    )
