"""Search by meaning: a dot product over one owner's passage vectors, kept in memory.

numpy comes with the ``rag`` extra, so it is imported only here, when vectors are used.
An owner's vectors are read from the database once and kept: a new item's rows are
appended (reading 100k rows again takes half a second); a forgotten, replaced or expired
item makes the store read them again.
"""

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

CANDIDATES = 32  # passages sorted per item wanted; more only if they hold too few items
MIN_COSINE = 0.2  # below it, unrelated (best recall in eval_search.py: 0.2 of 0, 0.2, 0.3, 0.4)

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
        if scores[row] < MIN_COSINE:
            break  # best first: the rest are further still
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


def appended(
    vectors: OwnerVectors, passage_ids: list[int], job_id: str, rows: "Matrix"
) -> OwnerVectors | None:
    """``vectors`` with a new item's rows at the end; None if their width differs."""
    import numpy as np

    flat = np.asarray(rows, dtype=np.float32).reshape(len(passage_ids), -1)
    if vectors.passage_ids and flat.shape[1] != vectors.matrix.shape[1]:
        return None
    matrix = np.concatenate([vectors.matrix.reshape(-1, flat.shape[1]), flat])
    return OwnerVectors(
        vectors.passage_ids + passage_ids, vectors.job_ids + [job_id] * len(passage_ids), matrix
    )
