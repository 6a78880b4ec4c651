"""The Retriever: words only without a model; words and meaning fused with one."""

from collections.abc import Sequence

import numpy as np

from boss_bot.core.search.retrieval import Retriever
from boss_bot.core.search.sqlite import SqliteSearchIndex

from .conftest import A, B, captions, entry

TOPICS = {"car": 0, "auto": 0, "vehicle": 0, "cook": 1, "recipe": 1, "soup": 1, "bridge": 2}


class FakeEmbedding:
    """Each text's vector counts its words' topics (car/auto/vehicle share one axis)."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = np.full((len(texts), 4), 1e-3, dtype=np.float32)
        for n, text in enumerate(texts):
            for word in text.lower().split():
                rows[n, TOPICS.get(word.strip(".,?"), 3)] += 1
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_without_a_model_it_searches_words(index: SqliteSearchIndex) -> None:
    """No embedding: find is the store's word search, and add stores no vectors."""
    retriever = Retriever(index)
    retriever.add(entry("j1", title="Old bridge"))
    assert [h.entry.job_id for h in retriever.find(A, "bridge")] == ["j1"]
    assert index.similar(A, np.ones(4, dtype=np.float32)) == []


def test_with_a_model_a_paraphrase_finds_the_item(index: SqliteSearchIndex) -> None:
    """Hybrid: "vehicle" shares no word with "car", yet the car item ranks first."""
    embedding = FakeEmbedding()
    retriever = Retriever(index, embedding)
    retriever.add(entry("car", title="My car", captions=captions("auto auto")))
    retriever.add(entry("soup", title="Soup recipe"))
    retriever.add(entry("span", title="Bridge", description="over the river"))
    assert embedding.calls[0] == ["My car\nsomeone\nexample.com", "auto auto"]
    assert index.search(A, "vehicle") == []
    assert [h.entry.job_id for h in retriever.find(A, "vehicle", limit=1)] == ["car"]


def test_hybrid_keeps_word_matches_on_top(index: SqliteSearchIndex) -> None:
    """An item matching the words and the meaning beats one matching the meaning alone."""
    retriever = Retriever(index, FakeEmbedding())
    retriever.add(entry("soup", title="Soup recipe"))
    retriever.add(entry("cook", title="Cook cook"))
    found = retriever.find(A, "soup")
    assert found[0].entry.job_id == "soup"
    assert "**Soup**" in found[0].snippet


def test_hybrid_stays_within_the_owner(index: SqliteSearchIndex) -> None:
    """Meaning never crosses servers either."""
    retriever = Retriever(index, FakeEmbedding())
    retriever.add(entry("car", A, title="car"))
    assert retriever.find(B, "vehicle") == []


def test_a_query_without_words_finds_nothing(index: SqliteSearchIndex) -> None:
    """Punctuation alone is no query, even for the model; a zero limit finds nothing."""
    embedding = FakeEmbedding()
    retriever = Retriever(index, embedding)
    retriever.add(entry("car", title="car"))
    assert retriever.find(A, "?!") == []
    assert retriever.find(A, "car", limit=0) == []
    assert len(embedding.calls) == 1


class UnknownWords:
    """A model that knows none of the query's words: an all-zero row (as model2vec gives)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.zeros((len(texts), 4), dtype=np.float32)


def test_a_query_the_model_cannot_read_is_searched_by_words_only(
    index: SqliteSearchIndex,
) -> None:
    """No known word: no meaning ranking (which would rank every item), words decide."""
    Retriever(index, FakeEmbedding()).add(entry("car", title="A car review"))
    assert Retriever(index, UnknownWords()).find(A, "qwzx") == []
    assert [h.entry.job_id for h in Retriever(index, UnknownWords()).find(A, "car")] == ["car"]
