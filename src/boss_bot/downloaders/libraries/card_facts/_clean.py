"""Cleaning the card's facts, shared by the yt-dlp and gallery-dl readers.

Runs in the download child. Every value came from the site: only strings, numbers and
dates of the expected types are kept, lengths are capped here (the bot cuts them to
Discord's limits), and only http(s) links pass (``core.untrusted``).
"""

import re
from collections.abc import Callable
from typing import cast

from boss_bot.core import untrusted
from boss_bot.core.card import AUTHOR, DESCRIPTION, MAX_TAGS, TAG, TITLE
from boss_bot.downloaders.fork_server.messages import CardFacts

HANDLE = re.compile(r"[A-Za-z0-9_-]{1,40}")  # a user name or subreddit a link may hold


def cleaned(**values: object) -> CardFacts:
    """The cleaned facts, without the empty ones."""
    facts: dict[str, object] = {
        "title": untrusted.text(values.get("title"), TITLE),
        "description": untrusted.text(values.get("description"), DESCRIPTION, lines=True),
        "author": untrusted.text(values.get("author"), AUTHOR),
        "author_url": untrusted.web_link(values.get("author_url")),
        "source_url": untrusted.web_link(values.get("source_url")),
        "thumbnail_url": untrusted.web_link(values.get("thumbnail_url")),
        "duration": untrusted.seconds(values.get("duration")),
        "tags": list(untrusted.texts(values.get("tags"), TAG, MAX_TAGS)),
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


def tags_in(*groups: object) -> list[object]:
    """The tags in lists of them, or in strings of them separated by spaces, in order."""
    split = (group.split() if isinstance(group, str) else group for group in groups)
    return [tag for group in split if isinstance(group, list) for tag in group]


def first_of(*values: object) -> object:
    """The first value that is a non-empty string or a number."""
    return next(
        (v for v in values if (isinstance(v, str) and v) or isinstance(v, int | float)), None
    )
