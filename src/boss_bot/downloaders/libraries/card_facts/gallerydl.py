"""The card's facts in gallery-dl's metadata of a gallery's first file."""

from collections.abc import Mapping
from typing import Any

from boss_bot.downloaders.fork_server.messages import CardFacts
from boss_bot.downloaders.libraries.card_facts._clean import HANDLE, cleaned, first_of, tags_in


def _person(value: object) -> tuple[str, str]:
    """A display name and a handle, from a name or a dict like gallery-dl's ``author``."""
    if isinstance(value, str):
        return value, value
    if not isinstance(value, Mapping):
        return "", ""
    handle = first_of(value.get("name"), value.get("username"), value.get("nick"))
    shown = first_of(value.get("nick"), value.get("display_name"), value.get("name"))
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
    subreddit = kwdict.get("subreddit")
    place = f"r/{subreddit}" if isinstance(subreddit, str) and HANDLE.fullmatch(subreddit) else ""
    return cleaned(
        title=title,
        description=first_of(
            kwdict.get("content"), kwdict.get("description"), kwdict.get("selftext")
        ),
        author=author,
        author_url=author_url,
        source_url=source,
        duration=kwdict.get("duration"),
        uploaded=kwdict.get("date"),
        tags=tags_in(kwdict.get("hashtags"), kwdict.get("tags"), place),
    )
