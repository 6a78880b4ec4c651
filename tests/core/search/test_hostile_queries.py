"""Whatever a member types, FTS5 sees quoted words only: no error, no operator, no leak."""

import pytest

from boss_bot.core.search.sqlite import SqliteSearchIndex

from .conftest import A, entry


@pytest.fixture
def filled(index: SqliteSearchIndex) -> SqliteSearchIndex:
    index.add(entry("j1", title="Bridge over the river", description="near the old mill"))
    index.add(entry("j2", title="Mountain bike trail"))
    return index


@pytest.mark.parametrize(
    "query",
    [
        'bridge"',
        '"bridge',
        "bridge*",
        "NEAR(bridge river, 2)",
        "bridge AND NOT",
        "title:bridge",
        "(bridge",
        "^bridge",
        "bridge OR",
        "-bridge +",
        "{title}: bridge",
        "bridge'; DROP TABLE items; --",
    ],
)
def test_fts_syntax_is_taken_as_words(filled: SqliteSearchIndex, query: str) -> None:
    """FTS5 operators and quotes in a query are plain text: the word still finds its item."""
    assert [h.entry.job_id for h in filled.search(A, query)] == ["j1"]


@pytest.mark.parametrize("query", ["", "   ", "!!!", '"', "*", "AND OR NOT NEAR", "()", "：；"])
def test_a_query_without_words_finds_nothing(filled: SqliteSearchIndex, query: str) -> None:
    """An empty or all-punctuation query returns no hits, and raises nothing."""
    assert filled.search(A, query) == []


def test_a_very_long_query_is_answered(filled: SqliteSearchIndex) -> None:
    """Thousands of words (or one huge one) are capped, not an error."""
    assert filled.search(A, "bridge " + "x" * 100_000)[0].entry.job_id == "j1"
    assert (
        filled.search(A, "bridge " + " ".join(f"w{n}" for n in range(5000)))[0].entry.job_id == "j1"
    )


def test_the_word_near_is_a_word_in_lowercase(filled: SqliteSearchIndex) -> None:
    """Only bare upper-case operators are dropped: "near" is still searched for."""
    assert [h.entry.job_id for h in filled.search(A, "near")] == ["j1"]


def test_the_store_is_intact_after_hostile_queries(filled: SqliteSearchIndex) -> None:
    """After every hostile query, both items are still there."""
    filled.search(A, "x'; DELETE FROM items; --")
    assert filled.get(A, "j1") is not None
    assert filled.get(A, "j2") is not None
