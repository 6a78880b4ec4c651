"""The caption card: one embed on the first message of a job's files, built from a ``Card``.

Everything on a card came from the remote site. Titles and descriptions are cut to
Discord's limits after escaping markdown, and every text has its mentions broken
(``@everyone`` never reads as live; embeds never ping anyway). Links are http(s) only.
A poster frame (``core.posters``) is attached to the same message as ``poster.jpg``.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import discord

from boss_bot.core import untrusted
from boss_bot.core.batching import batches
from boss_bot.core.card import Card
from boss_bot.core.ffmpeg import size_of

POSTER_NAME = "poster.jpg"
TITLE, AUTHOR, DESCRIPTION = 256, 256, 300  # Discord's limits; a short text
_NUMBERED = re.compile(r"(?m)^(\s*\d+)([.)])")  # a numbered list (escape_markdown: the rest)


def inline(text: str) -> str:
    """Bold, links, code, … and mentions made plain (a title: one line, inline markdown)."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def blocks(text: str) -> str:
    """``inline`` (headings, quotes, lists too), and numbered lists (a description)."""
    return _NUMBERED.sub(r"\1\\\2", inline(text))


def shown(text: str, limit: int, escape: Callable[[str], str] = inline) -> str:
    """``text`` made inert by ``escape`` and cut to ``limit`` characters, with "…"."""
    out, cut = escape(text), len(text)
    while len(out) > limit:  # an escape is at most two characters: halve the excess
        cut = max(cut - (len(out) - limit + 1) // 2, 0)
        out = escape(text[:cut].rstrip()) + "…"
    return out


def clock(seconds: float) -> str:
    """A duration as a player shows it: ``0:07``, ``3:25``, ``1:02:03``."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def worth_showing(card: Card | None) -> bool:
    """Whether a card is to be shown and says more than the link the member typed."""
    if card is None or not card.shown:
        return False
    said = (card.title, card.author, card.description, card.duration, card.uploaded)
    return any((*said, card.thumbnail_url, card.poster))


@dataclass(frozen=True, slots=True)
class CardPost:
    """The embed, and the poster file the embed shows (posted in the same message)."""

    embed: discord.Embed
    poster: Path | None = None

    def files(self) -> list[discord.File]:
        """The poster as an attachment (none without one)."""
        return [discord.File(self.poster, filename=POSTER_NAME)] if self.poster else []

    def without_poster(self) -> "CardPost":
        """The same card with no poster (a message with no room for it)."""
        embed = self.embed.copy()
        if self.poster:
            embed.set_thumbnail(url=None)
        return replace(self, embed=embed, poster=None)


def card_post(card: Card | None, requested: str) -> CardPost | None:
    """The card's embed; ``requested`` (the member's link) when the site named no page."""
    if card is None or not worth_showing(card):
        return None
    source = untrusted.web_link(card.source_url) or untrusted.web_link(requested)
    title = card.title or (f"Post on {urlsplit(source).hostname}" if source else "")
    embed = discord.Embed(title=shown(title, TITLE) or None, url=source or None)
    if card.description:
        embed.description = shown(card.description, DESCRIPTION, blocks)
    if card.author:
        name = shown(card.author, AUTHOR, discord.utils.escape_mentions)  # no markdown there
        embed.set_author(name=name, url=untrusted.web_link(card.author_url) or None)
    if card.duration:
        embed.add_field(name="Duration", value=clock(card.duration))
    if card.uploaded:
        embed.add_field(name="Uploaded", value=f"{card.uploaded.day} {card.uploaded:%b %Y}")
    if thumbnail := untrusted.web_link(card.thumbnail_url):
        embed.set_thumbnail(url=thumbnail)
    elif card.poster and card.poster.is_file():
        embed.set_thumbnail(url=f"attachment://{POSTER_NAME}")
        return CardPost(embed, card.poster)
    return CardPost(embed)


def grouped(
    files: list[Path], limit: int, card: CardPost | None
) -> tuple[list[list[Path]], CardPost | None]:
    """``files`` in messages (``core.batching``), the first with room for the card's poster.

    The poster takes bytes and one of the ten attachments of the first message; when it
    and the first file are over ``limit`` together, the card goes without it.
    """
    poster = card.poster if card else None
    if card is None or poster is None or not files:
        return batches(files, limit), card
    if size_of(poster) + size_of(files[0]) > limit:
        return batches(files, limit), card.without_poster()
    groups = batches([poster, *files], limit)
    groups[0].remove(poster)
    return groups, card
