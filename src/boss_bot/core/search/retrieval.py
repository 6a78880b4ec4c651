"""``Retriever``: what ``$find`` and ``$ask`` call: add an entry, find the best items.

Without an embedding model it searches words only; with one, it fuses the word ranking
and the meaning ranking (reciprocal-rank fusion). Synchronous: the bot calls it in a
thread (``asyncio.to_thread``).
"""

from boss_bot.core.search.entries import Entry, Hit
from boss_bot.core.search.passages import passages
from boss_bot.core.search.ports import Embedding, SearchIndex
from boss_bot.core.search.ranking import fuse

DEPTH = 4  # each ranking fetches DEPTH × limit candidates for the fusion


class Retriever:
    """Indexes entries and finds items in one store, by words and (with a model) meaning."""

    def __init__(self, index: SearchIndex, embedding: Embedding | None = None) -> None:
        self.index = index
        self.embedding = embedding

    def add(self, entry: Entry) -> None:
        """Index ``entry`` (replacing one with its job id), embedding its passages if it can."""
        vectors = None
        if self.embedding is not None:
            vectors = self.embedding.encode([passage.text for passage in passages(entry)])
        self.index.add(entry, vectors)

    def find(self, owner: str, query: str, limit: int = 5) -> list[Hit]:
        """The owner's best ``limit`` items for ``query``, best first (none for no words)."""
        if limit <= 0 or not any(char.isalnum() for char in query):
            return []
        vector = self.embedding.encode([query])[0] if self.embedding is not None else None
        if vector is None or not vector.any():  # no model, or no word the model knows
            return self.index.search(owner, query, limit)
        words = self.index.search(owner, query, limit * DEPTH)
        meaning = self.index.similar(owner, vector, limit * DEPTH)
        return fuse(words, meaning, limit=limit)
