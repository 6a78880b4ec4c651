"""``Search.find``: items the asker may not see are made up for, and only when needed."""

from datetime import timedelta
from pathlib import Path

from boss_bot.core.search.retrieval import Retriever
from boss_bot.core.search.searching import Search
from boss_bot.core.search.sqlite import SqliteSearchIndex

from .conftest import WHEN, A, entry


class CountingRetriever(Retriever):
    """A retriever that notes how many items each ``find`` asked for."""

    asked: list[int]

    def find(self, owner: str, query: str, limit: int = 5) -> list:
        self.asked.append(limit)
        return super().find(owner, query, limit)


def _search(tmp_path: Path, count: int) -> tuple[Search, CountingRetriever]:
    retriever = CountingRetriever(SqliteSearchIndex(tmp_path / "search.sqlite3"))
    retriever.asked = []
    for n in range(count):
        retriever.add(entry(f"h{n}", title=f"harbour {'harbour ' * (count - n)}"))
    search = Search(retriever, lambda _g, _u: True, timedelta(days=90), clock=lambda: WHEN)
    return search, retriever


async def test_hidden_items_are_made_up_for_by_asking_for_more(tmp_path: Path) -> None:
    """The five best are hidden: a wider search finds the one the asker may see."""
    search, retriever = _search(tmp_path, 7)
    hits = await search.find(A, "harbour", lambda hit: hit.entry.job_id == "h6")
    assert [hit.entry.job_id for hit in hits] == ["h6"]
    assert retriever.asked == [5, 20]


async def test_nothing_hidden_asks_once(tmp_path: Path) -> None:
    """Every item visible: one search of ``limit`` items, no wider one."""
    search, retriever = _search(tmp_path, 7)
    hits = await search.find(A, "harbour", lambda _hit: True)
    assert len(hits) == 5
    assert retriever.asked == [5]
