"""The SQLite search store: FTS5 (BM25, trigrams) for words, numpy over vectors for meaning."""

from boss_bot.core.search.sqlite.store import SqliteSearchIndex

__all__ = ["SqliteSearchIndex"]
