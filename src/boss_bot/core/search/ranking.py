"""Reciprocal-rank fusion: one ranking from several (words, meaning), by position alone.

An item's fused score is the sum over rankings of ``1 / (k + rank)`` (rank from 1), so
scores of different kinds (BM25, cosine) never need to be compared. Of an item's hits,
the one ranked highest is kept (on a tie, the one from the earlier ranking: pass the
word ranking first to show its highlighted snippet).
"""

from collections.abc import Sequence
from dataclasses import replace

from boss_bot.core.search.entries import Hit


def fuse(*rankings: Sequence[Hit], k: int = 60, limit: int = 5) -> list[Hit]:
    """The best ``limit`` items over ``rankings`` (each best first), scored by RRF.

    Args:
        *rankings: Hit lists, best first, one hit per item within each.
        k: The damping constant of RRF (60 in Cormack et al., 2009).
        limit: How many items to return.

    Returns:
        One hit per item (job id), best fused score first; ``score`` is the fused score.
    """
    scores: dict[str, float] = {}
    best: dict[str, tuple[int, Hit]] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking, start=1):
            job_id = hit.entry.job_id
            scores[job_id] = scores.get(job_id, 0.0) + 1.0 / (k + rank)
            if job_id not in best or rank < best[job_id][0]:
                best[job_id] = (rank, hit)
    order = sorted(scores, key=lambda job_id: (-scores[job_id], best[job_id][0]))
    return [replace(best[job_id][1], score=scores[job_id]) for job_id in order[:limit]]
