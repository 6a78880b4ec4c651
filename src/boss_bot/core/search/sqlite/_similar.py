"""Hits by meaning: the nearest passages' items, with a snippet a member can read."""

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING

from boss_bot.core.search.entries import Hit
from boss_bot.core.search.sqlite._rows import hit_of
from boss_bot.core.search.sqlite._vectors import OwnerVectors, nearest

if TYPE_CHECKING:
    from boss_bot.core.search.sqlite._vectors import Matrix

SNIPPET_WORDS = 30


def _shortened(text: str) -> str:
    words = text.split()
    return " ".join(words[:SNIPPET_WORDS]) + ("…" if len(words) > SNIPPET_WORDS else "")


def similar_hits(
    db: sqlite3.Connection, vectors: OwnerVectors, query: "Matrix", limit: int
) -> list[Hit]:
    """The hits of ``nearest``; the snippet is the caption, or the description (or title)."""
    hits = []
    for passage_id, score in nearest(vectors, query, limit):
        hit = hit_of(db, passage_id, "", score)
        sql = "SELECT text FROM passages WHERE id = ?"
        text = db.execute(sql, (passage_id,)).fetchone()[0] if hit.at is not None else ""
        text = text or hit.entry.description or hit.entry.title
        hits.append(replace(hit, snippet=_shortened(text)))
    return hits
