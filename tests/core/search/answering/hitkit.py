"""Hits to answer from, built the way a search returns them."""

from datetime import UTC, date, datetime

from boss_bot.core.search.entries import Entry, Hit


def hit(
    number: int, snippet: str, *, at: float | None = None, title: str = "", uploader: str = ""
) -> Hit:
    """A hit on job ``j<number>`` of server 1, with this passage."""
    entry = Entry(
        job_id=f"j{number}",
        owner="guild:1",
        channel_id=2,
        requester_id=3,
        delivered_at=datetime(2026, 3, 4, 12, 0, tzinfo=UTC),
        jump_url=f"https://discord.com/channels/1/2/{number}",
        title=title or f"Video {number}",
        uploader=uploader or "Uploader",
        uploaded=date(2025, 1, 2),
    )
    return Hit(entry, snippet, at)


def hits(count: int) -> list[Hit]:
    """``count`` distinct hits, best first."""
    return [hit(number, f"Passage {number} about bridges.") for number in range(1, count + 1)]
