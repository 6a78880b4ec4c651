"""Reciprocal-rank fusion of hit lists."""

from boss_bot.core.search.entries import Hit
from boss_bot.core.search.ranking import fuse

from .conftest import entry


def _hits(*job_ids: str, snippet: str = "") -> list[Hit]:
    return [Hit(entry(j), snippet or j, score=100.0 - n) for n, j in enumerate(job_ids)]


def test_items_high_in_both_rankings_win() -> None:
    """An item second in both lists beats items first in only one of them."""
    fused = fuse(_hits("a", "both", "c"), _hits("d", "both", "e"))
    assert fused[0].entry.job_id == "both"
    assert [h.entry.job_id for h in fused[1:3]] == ["a", "d"]


def test_the_score_is_the_sum_of_reciprocal_ranks() -> None:
    """The fused score is Σ 1/(k + rank), rank counted from 1."""
    [hit] = fuse(_hits("x"), _hits("y", "x"), k=10, limit=1)
    assert hit.entry.job_id == "x"
    assert hit.score == 1 / 11 + 1 / 12


def test_the_hit_from_the_better_position_is_kept() -> None:
    """Of an item's hits, the higher-ranked one is kept; on a tie, the earlier ranking's."""
    words = [Hit(entry("z"), "z"), Hit(entry("x"), "**word** hit")]
    meaning = [Hit(entry("x"), "meaning hit", at=12.0)]
    assert next(h for h in fuse(words, meaning) if h.entry.job_id == "x").snippet == "meaning hit"
    tie = fuse([Hit(entry("x"), "**word**")], [Hit(entry("x"), "meaning")])
    assert tie[0].snippet == "**word**"


def test_the_limit_and_empty_rankings() -> None:
    """No more than ``limit`` hits; nothing in, nothing out."""
    assert len(fuse(_hits(*"abcdefgh"), limit=5)) == 5
    assert fuse() == []
    assert fuse([], []) == []
