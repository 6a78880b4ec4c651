"""Search by meaning: a dot product over one owner's passage vectors, kept in memory.

numpy comes with the ``rag`` extra, so it is imported only here, when vectors are used.
An owner's vectors are read from the database once and kept until the owner's items
change (``forget``, ``add``) or any expire (``prune``).
"""

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from boss_bot.core.search.entries import Hit
from boss_bot.core.search.sqlite._rows import hit_of

SNIPPET_WORDS = 30
CANDIDATES = 32  # passages sorted per item wanted; more only if they hold too few items

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class OwnerVectors:
    """One owner's passages that have vectors: their ids, items, and one row each."""

    passage_ids: list[int]
    job_ids: list[str]
    matrix: "Matrix"


def load(db: sqlite3.Connection, owner: str) -> OwnerVectors:
    """Read the owner's passage vectors (rows of another width than the first are skipped)."""
    import numpy as np

    sql = "SELECT id, job_id, vector FROM passages WHERE owner = ? AND vector IS NOT NULL"
    ids: list[int] = []
    jobs: list[str] = []
    rows: list[bytes] = []
    for passage_id, job_id, blob in db.execute(sql, (owner,)):
        if rows and len(blob) != len(rows[0]):
            continue  # written by another model: the store is being re-embedded
        ids.append(passage_id)
        jobs.append(job_id)
        rows.append(blob)
    width = len(rows[0]) // 4 if rows else 0
    matrix = np.frombuffer(b"".join(rows), dtype=np.float32).reshape(len(rows), width)
    return OwnerVectors(ids, jobs, matrix)


def nearest(vectors: OwnerVectors, query: "Matrix", limit: int) -> list[tuple[int, float]]:
    """The best passage of each of the ``limit`` items nearest ``query``: (id, cosine)."""
    import numpy as np

    flat = np.asarray(query, dtype=np.float32).reshape(-1)
    if limit <= 0 or not vectors.passage_ids or vectors.matrix.shape[1] != flat.shape[0]:
        return []
    scores = vectors.matrix @ flat
    best: dict[str, tuple[int, float]] = {}
    for row in _descending(scores, limit * CANDIDATES):
        job_id = vectors.job_ids[row]
        if job_id not in best:
            best[job_id] = (vectors.passage_ids[row], float(scores[row]))
            if len(best) == limit:
                break
    return list(best.values())


def _descending(scores: "Matrix", wanted: int) -> "Iterator[int]":
    """Row numbers by score, best first: the top ``wanted`` sorted first, then the rest."""
    import numpy as np

    if wanted >= len(scores):
        yield from np.argsort(-scores, kind="stable").tolist()
        return
    top = np.argpartition(-scores, wanted)[:wanted]
    yield from top[np.argsort(-scores[top], kind="stable")].tolist()
    rest = np.setdiff1d(np.arange(len(scores)), top)  # only when the top held too few items
    yield from rest[np.argsort(-scores[rest], kind="stable")].tolist()


def vector_blob(row: "Matrix") -> bytes:
    """One vector as the float32 bytes the ``passages.vector`` column holds."""
    import numpy as np

    return np.asarray(row, dtype=np.float32).reshape(-1).tobytes()


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
