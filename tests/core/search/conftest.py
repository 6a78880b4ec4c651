from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from boss_bot.core.captions import Caption
from boss_bot.core.search.entries import Entry
from boss_bot.core.search.sqlite import SqliteSearchIndex

A, B = "guild:1", "guild:2"
WHEN = datetime(2026, 11, 1, 12, tzinfo=UTC)


def entry(job_id: str, owner: str = A, **fields: object) -> Entry:
    """An entry with plain defaults; ``fields`` override them."""
    base: dict[str, object] = {
        "channel_id": 10,
        "requester_id": 20,
        "delivered_at": WHEN,
        "jump_url": f"https://discord.com/channels/1/10/{job_id}",
        "title": f"untitled {job_id}",
        "uploader": "someone",
        "source_url": "https://www.example.com/v/1",
    }
    return Entry(job_id, owner, **{**base, **fields})


def captions(*texts: str, every: float = 30.0) -> tuple[Caption, ...]:
    """Caption stretches starting every ``every`` seconds."""
    return tuple(Caption(n * every, text) for n, text in enumerate(texts))


@pytest.fixture
def index(tmp_path: Path) -> Iterator[SqliteSearchIndex]:
    store = SqliteSearchIndex(tmp_path / "search.sqlite3")
    yield store
    store.close()


@pytest.fixture
def any_cosine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every passage counts as related, however far (tests of ranking, limits, caching)."""
    from boss_bot.core.search.sqlite import _vectors

    monkeypatch.setattr(_vectors, "MIN_COSINE", -1.0)
