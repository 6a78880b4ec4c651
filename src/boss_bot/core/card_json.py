"""A ``Card`` as a JSON object, and back: how it crosses processes and hosts.

A download child sends one in its ``info`` event, a remote worker in its result.
Whatever arrives is checked again as untrusted: types, lengths, http(s) links only,
finite start times. The poster (a file on the host that made it) never crosses.
"""

from typing import Any

from boss_bot.core import untrusted
from boss_bot.core.captions import caption_pairs, checked_captions
from boss_bot.core.card import AUTHOR, DESCRIPTION, MAX_TAGS, TAG, TITLE, Card


def card_json(card: Card) -> dict[str, Any]:
    """``card``'s facts as JSON (the keys of ``CardFacts``), the empty ones left out."""
    facts: dict[str, Any] = {
        "title": card.title,
        "description": card.description,
        "author": card.author,
        "author_url": card.author_url,
        "source_url": card.source_url,
        "thumbnail_url": card.thumbnail_url,
        "duration": card.duration,
        "uploaded": card.uploaded.isoformat() if card.uploaded else None,
        "tags": list(card.tags),
        "captions": caption_pairs(card.captions),
    }
    return {key: value for key, value in facts.items() if value}


def card_from_json(facts: object) -> Card | None:
    """The ``Card`` for facts another process sent, checked; ``None`` when they say nothing."""
    if not isinstance(facts, dict):
        return None
    card = Card(
        title=untrusted.text(facts.get("title"), TITLE),
        author=untrusted.text(facts.get("author"), AUTHOR),
        author_url=untrusted.web_link(facts.get("author_url")),
        source_url=untrusted.web_link(facts.get("source_url")),
        duration=untrusted.seconds(facts.get("duration")),
        uploaded=untrusted.day(facts.get("uploaded")),
        thumbnail_url=untrusted.web_link(facts.get("thumbnail_url")),
        description=untrusted.text(facts.get("description"), DESCRIPTION, lines=True),
        tags=untrusted.texts(facts.get("tags"), TAG, MAX_TAGS),
        captions=checked_captions(facts.get("captions")),
    )
    return None if card == Card() else card
