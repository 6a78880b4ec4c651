"""The caption card a child reported (its ``info`` event), checked again on this side."""

from pathlib import Path

from boss_bot.core import untrusted
from boss_bot.core.card import Card
from boss_bot.core.ports import Downloaded
from boss_bot.core.ports.downloader import card_of, notes_of

TITLE, DESCRIPTION, AUTHOR = 512, 1000, 256  # the child's caps (``libraries.card_facts``)


def card_from(facts: object) -> Card | None:
    """The ``Card`` for a child's facts; ``None`` when they say nothing."""
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
    )
    return None if card == Card() else card


def with_card(files: list[Path], facts: object) -> list[Path]:
    """``files`` (and their notes) with the card the child reported, if it reported one."""
    card = card_from(facts)
    if card is None or card_of(files) is not None:
        return files
    return Downloaded(files, notes_of(files), card=card)
