"""Word search: BM25 over the passages of one owner, one hit (the best passage) per item.

Stages fill the ``limit`` in turn, each adding only items not found yet: every word
(``words``), then any word (``words``), then parts of words (``grams``, trigrams of the
``about`` passages). A word found in ``COMMON`` passages or more ("the", "a") is left
out: it would barely change BM25's order, but scoring its every passage is what makes
a search slow (FTS5 counts a word's passages for BM25 on every query). Commonness is
counted in the owner's own passages (another server's words change nothing here), and
when the rare words find nothing, every word is searched after all, in titles, uploaders
and tags: "bridge" in a server full of bridges still finds the bridge videos.
"""

import json
import sqlite3

from boss_bot.core.search.entries import Hit
from boss_bot.core.search.sqlite._query import all_of, any_of, parts_of, quoted, words_of
from boss_bot.core.search.sqlite._rows import hit_of
from boss_bot.core.search.sqlite._schema import WEIGHTS

SNIPPET_WORDS = 30
COMMON = 2000
TITLES = "{title uploader tags} :"  # an FTS5 column filter
_COUNT = """
SELECT count(*) FROM (
    SELECT 1 FROM words CROSS JOIN passages AS p ON p.id = words.rowid  -- the match leads
    WHERE words MATCH ? AND p.owner = ? LIMIT ?
)
"""
_BEST = """
WITH m AS MATERIALIZED (  -- bm25() needs its own query: never flattened into the join
    SELECT rowid AS pid, bm25({table}, {weights}) AS rank FROM {table} WHERE {table} MATCH ?
)
SELECT p.job_id, p.id, min(m.rank) FROM m JOIN passages AS p ON p.id = m.pid
WHERE p.owner = ? AND p.job_id NOT IN (SELECT value FROM json_each(?))
GROUP BY p.job_id ORDER BY 3 LIMIT ?
"""
_SNIPPET = """
SELECT snippet({table}, -1, '**', '**', '…', ?) FROM {table} WHERE {table} MATCH ? AND rowid = ?
"""


def _stage(
    db: sqlite3.Connection, table: str, match: str, *, owner: str, found: list[Hit], limit: int
) -> list[Hit]:
    """Up to ``limit`` items in all, adding to ``found`` those whose passages match best."""
    want = limit - len(found)
    if not match or want <= 0:
        return []
    taken = json.dumps([hit.entry.job_id for hit in found])
    best = _BEST.format(table=table, weights=WEIGHTS)
    rows = db.execute(best, (match, owner, taken, want)).fetchall()
    hits = []
    for _job_id, passage_id, rank in rows:
        snippet_sql = _SNIPPET.format(table=table)
        (snippet,) = db.execute(snippet_sql, (SNIPPET_WORDS, match, passage_id)).fetchone()
        hits.append(hit_of(db, passage_id, snippet, -float(rank)))
    return hits


def _rare(db: sqlite3.Connection, owner: str, words: list[str]) -> list[str]:
    """The words in fewer than ``COMMON`` of the owner's passages (counting stops there)."""
    count = lambda w: db.execute(_COUNT, (quoted(w), owner, COMMON)).fetchone()[0]  # noqa: E731
    return [word for word in words if count(word) < COMMON]


def _stages(words: list[str], titles_only: bool) -> list[tuple[str, str]]:
    """Every word, then any word, then parts of words: (table, FTS5 query) each.

    ``titles_only``: in titles, uploaders and tags only (``TITLES``): for words in most
    passages, ranking every caption would take a second at 100,000 passages.
    """
    either = any_of(words) if len(words) > 1 else ""  # one word: "every" was "any"
    stages = [("words", all_of(words)), ("words", either), ("grams", parts_of(words))]
    return [
        (table, f"{TITLES} ({match})" if titles_only and match else match)
        for table, match in stages
    ]


def word_hits(db: sqlite3.Connection, owner: str, query: str, limit: int) -> list[Hit]:
    """The owner's best ``limit`` items for the words of ``query``, best first."""
    asked = words_of(query)
    rare = _rare(db, owner, asked)
    found: list[Hit] = []
    if limit <= 0:
        return found
    passes = [(rare, False)] + ([(asked, True)] if rare != asked else [])  # common: titles
    for words, titles_only in passes:
        for table, match in _stages(words, titles_only) if words else ():
            found += _stage(db, table, match, owner=owner, found=found, limit=limit)
        if found:
            break
    return found
