"""The card a child reported (its ``info`` event), checked again on this side."""

from pathlib import Path

from boss_bot.core.card import Card
from boss_bot.core.card_json import card_from_json
from boss_bot.core.ports import Downloaded
from boss_bot.core.ports.downloader import card_of, notes_of


def card_from(facts: object) -> Card | None:
    """The ``Card`` for a child's facts (``CardFacts``); ``None`` when they say nothing."""
    return card_from_json(facts)


def with_card(files: list[Path], facts: object) -> list[Path]:
    """``files`` (and their notes) with the card the child reported, if it reported one."""
    card = card_from(facts)
    if card is None or card_of(files) is not None:
        return files
    return Downloaded(files, notes_of(files), card=card)
