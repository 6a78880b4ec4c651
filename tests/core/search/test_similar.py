"""Search by meaning: the dot product over an owner's passage vectors, one hit per item."""

import numpy as np
import pytest

from boss_bot.core.search.sqlite import SqliteSearchIndex, _vectors

from .conftest import A, captions, entry


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_the_nearest_item_comes_first(index: SqliteSearchIndex) -> None:
    """Items are ordered by the cosine of their best passage to the query."""
    index.add(entry("east"), np.stack([_unit(1, 0, 0)]))
    index.add(entry("north"), np.stack([_unit(0, 1, 0)]))
    index.add(entry("northeast"), np.stack([_unit(1, 1, 0)]))
    hits = index.similar(A, _unit(1, 0.3, 0))
    assert [h.entry.job_id for h in hits] == ["east", "northeast", "north"]
    assert hits[0].score > hits[1].score > hits[2].score


def test_an_unrelated_item_is_not_found_by_meaning(index: SqliteSearchIndex) -> None:
    """Below ``MIN_COSINE`` a passage is unrelated: a meaning search may find nothing."""
    index.add(entry("north"), np.stack([_unit(0, 1, 0)]))
    index.add(entry("east"), np.stack([_unit(1, 0, 0)]))
    assert [h.entry.job_id for h in index.similar(A, _unit(1, 0.1, 0))] == ["east"]
    assert index.similar(A, _unit(0, 0, 1)) == []


def test_a_caption_passage_gives_its_time_and_text(index: SqliteSearchIndex) -> None:
    """A caption hit has its start and words; an about hit shows its description, shortened."""
    said = captions("intro music", "the kettle boils over")
    index.add(
        entry("j1", title="Tea", description=" ".join(["word"] * 40)), np.stack([_unit(0, 0.5, 1)])
    )
    index.add(entry("j2", title="Kettles", captions=said), None)
    [hit] = index.similar(A, _unit(0, 0, 1))
    assert (hit.entry.job_id, hit.at, hit.snippet) == ("j1", None, " ".join(["word"] * 30) + "…")
    index.add(
        entry("j3", captions=said), np.stack([_unit(1, 0, 0), _unit(0, 1, 0), _unit(0, 0, 1)])
    )
    hit = index.similar(A, _unit(0, 0, 1))[0]
    assert (hit.entry.job_id, hit.at, hit.snippet) == ("j3", 30.0, "the kettle boils over")


@pytest.mark.usefixtures("any_cosine")
@pytest.mark.parametrize("candidates", [1, 32])
def test_one_hit_per_item_and_the_limit(
    index: SqliteSearchIndex, monkeypatch: pytest.MonkeyPatch, candidates: int
) -> None:
    """An item with several near passages is one hit; ``limit`` counts items.

    With one candidate per wanted item, the top passages all belong to one item, so the
    rest are sorted too.
    """
    monkeypatch.setattr(_vectors, "CANDIDATES", candidates)
    rows = np.stack([_unit(1, 0, 0), _unit(1, 0.1, 0), _unit(1, 0, 0.1)])
    index.add(entry("many", captions=captions("a", "b")), rows)
    index.add(entry("one"), np.stack([_unit(0.5, 1, 0)]))
    index.add(entry("far"), np.stack([_unit(0, 0, -1)]))
    assert [h.entry.job_id for h in index.similar(A, _unit(1, 0, 0))] == ["many", "one", "far"]
    assert [h.entry.job_id for h in index.similar(A, _unit(1, 0, 0), limit=2)] == ["many", "one"]


@pytest.mark.usefixtures("any_cosine")
def test_new_vectors_are_seen_after_a_search(index: SqliteSearchIndex) -> None:
    """An item added after a similar() call is found by the next one (no stale cache)."""
    index.add(entry("first"), np.stack([_unit(1, 0)]))
    assert [h.entry.job_id for h in index.similar(A, _unit(0, 1))] == ["first"]
    index.add(entry("second"), np.stack([_unit(0, 1)]))
    assert index.similar(A, _unit(0, 1))[0].entry.job_id == "second"


def test_items_without_vectors_or_another_width_are_skipped(index: SqliteSearchIndex) -> None:
    """Words-only items are not ranked by meaning; a query of another width finds nothing."""
    index.add(entry("words-only", title="x"))
    assert index.similar(A, _unit(1, 0)) == []
    index.add(entry("vec"), np.stack([_unit(1, 0)]))
    assert [h.entry.job_id for h in index.similar(A, _unit(1, 0))] == ["vec"]
    assert index.similar(A, _unit(1, 0, 0)) == []


@pytest.mark.usefixtures("any_cosine")
def test_replaced_and_forgotten_vectors_are_gone_after_a_search(index: SqliteSearchIndex) -> None:
    """Re-adding or forgetting an item after a similar() call changes the next one."""
    index.add(entry("moved"), np.stack([_unit(1, 0)]))
    index.add(entry("stays"), np.stack([_unit(0.6, 0.8)]))
    assert index.similar(A, _unit(1, 0))[0].entry.job_id == "moved"
    index.add(entry("moved"), np.stack([_unit(0, 1)]))
    assert [h.entry.job_id for h in index.similar(A, _unit(1, 0))] == ["stays", "moved"]
    assert index.forget(A, "stays")
    assert [h.entry.job_id for h in index.similar(A, _unit(1, 0))] == ["moved"]
