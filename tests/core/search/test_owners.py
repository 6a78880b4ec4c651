"""Owner isolation: one server never sees, gets or forgets another server's items."""

import numpy as np
import pytest

from boss_bot.core.search.sqlite import SqliteSearchIndex

from .conftest import A, B, captions, entry


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_another_server_never_finds_the_item(index: SqliteSearchIndex) -> None:
    """B's search for A's exact title words, phrases or parts of words finds nothing."""
    index.add(entry("j1", A, title="Secret bridge plans", captions=captions("the hidden tunnel")))
    index.add(entry("j2", B, title="Cat pictures"))
    for query in ("secret bridge plans", "hidden tunnel", "brid", "plans cat"):
        assert all(h.entry.owner == B for h in index.search(B, query))
    assert index.search(B, "bridge") == []
    assert [h.entry.job_id for h in index.search(A, "bridge")] == ["j1"]


@pytest.mark.usefixtures("any_cosine")
def test_another_server_never_gets_nearby_vectors(index: SqliteSearchIndex) -> None:
    """similar() for B ranks only B's passages, even when A's vector is the exact match."""
    index.add(entry("j1", A), np.stack([_unit(1, 0, 0)]))
    index.add(entry("j2", B), np.stack([_unit(0, 1, 0)]))
    assert [h.entry.job_id for h in index.similar(B, _unit(1, 0, 0))] == ["j2"]
    assert [h.entry.job_id for h in index.similar("guild:3", _unit(1, 0, 0))] == []


def test_another_server_cannot_get_or_forget_the_item(index: SqliteSearchIndex) -> None:
    """Get and forget by job id need the owner: B can neither read nor remove A's item."""
    index.add(entry("j1", A, title="Bridge"))
    assert index.get(B, "j1") is None
    assert index.forget(B, "j1") is False
    assert index.get(A, "j1") is not None
    assert [h.entry.job_id for h in index.search(A, "bridge")] == ["j1"]


def test_direct_messages_are_their_members_own(index: SqliteSearchIndex) -> None:
    """A member's DM downloads are theirs alone: another member's DMs do not see them."""
    index.add(entry("j1", "dm:7", title="Bridge"))
    assert index.search("dm:8", "bridge") == []
    assert [h.entry.job_id for h in index.search("dm:7", "bridge")] == ["j1"]
