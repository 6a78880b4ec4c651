"""Entries as rows of the search database, and rows back as entries (without captions)."""

import json
import sqlite3
from datetime import UTC, date, datetime

from boss_bot.core.search.entries import Entry, Hit
from boss_bot.core.search.passages import Passage, host_of

ITEM_COLUMNS = (
    "job_id, owner, channel_id, requester_id, delivered_at, jump_url, title, uploader, "
    "description, source_url, uploaded, tags"
)
Row = tuple[object, ...]
_HIT = f"""
SELECT p.kind, p.start, {", ".join("i." + column for column in ITEM_COLUMNS.split(", "))}
FROM passages AS p JOIN items AS i ON i.job_id = p.job_id WHERE p.id = ?
"""  # noqa: S608 - constants


def item_row(entry: Entry) -> Row:
    """The ``items`` row of ``entry``."""
    return (
        entry.job_id,
        entry.owner,
        entry.channel_id,
        entry.requester_id,
        entry.delivered_at.timestamp(),
        entry.jump_url,
        entry.title,
        entry.uploader,
        entry.description,
        entry.source_url,
        entry.uploaded.isoformat() if entry.uploaded else None,
        json.dumps(list(entry.tags)),
    )


def entry_of(row: Row) -> Entry:
    """The entry of an ``items`` row selected as ``ITEM_COLUMNS`` (its captions left out)."""
    job_id, owner, channel, requester, delivered, jump, title, uploader, text, url, up, tags = row
    return Entry(
        job_id=str(job_id),
        owner=str(owner),
        channel_id=int(str(channel)),
        requester_id=int(str(requester)),
        delivered_at=datetime.fromtimestamp(float(str(delivered)), UTC),
        jump_url=str(jump),
        title=str(title),
        uploader=str(uploader),
        description=str(text),
        source_url=str(url),
        uploaded=date.fromisoformat(up) if isinstance(up, str) else None,
        tags=tuple(json.loads(str(tags))),
    )


def fts_row(entry: Entry, passage: Passage) -> tuple[str, str, str, str]:
    """A passage's FTS columns (title, uploader, tags, body): ``about`` fills all four."""
    if passage.kind == "caption":
        return ("", "", "", passage.text)
    body = "\n".join(part for part in (entry.description, host_of(entry.source_url)) if part)
    return (entry.title, entry.uploader, " ".join(entry.tags), body)


def hit_of(db: sqlite3.Connection, passage_id: int, snippet: str, score: float) -> Hit:
    """The hit of a passage: its item (without captions), and its start if a caption."""
    kind, start, *item = db.execute(_HIT, (passage_id,)).fetchone()
    return Hit(entry_of(tuple(item)), snippet, start if kind == "caption" else None, score)
