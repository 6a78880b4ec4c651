"""How found items look: remote text inert, matched words bold, links to the moment."""

from datetime import UTC, date, datetime

from boss_bot.bot.searching.text import answered, at_time, clock, found, marked
from boss_bot.core.search.answering import Answer
from boss_bot.core.search.entries import Entry, Hit

WHEN = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def _hit(title: str = "Bridge", snippet: str = "the **bridge** fell", **more: object) -> Hit:
    entry = Entry(
        "3fa9c1",
        "guild:1",
        10,
        42,
        WHEN,
        "https://discord.com/channels/1/10/99",
        title=title,
        uploader=str(more.get("uploader", "Ann")),
        source_url=str(more.get("source", "https://example.org/v")),
        uploaded=date(2026, 10, 1),
    )
    at = more.get("at")
    return Hit(entry, snippet, at=float(at) if isinstance(at, int | float) else None)


def test_a_found_item_has_title_uploader_dates_snippet_and_jump() -> None:
    """Heading, quoted snippet, who shared it and when, and the jump link."""
    text = found("bridge", [_hit()])
    assert text.splitlines() == [
        "🔎 **1 found** for “bridge”:",
        "1. **Bridge** — Ann · 2026-10-01",
        "> the **bridge** fell",
        "shared by <@42> on 2026-11-02 · [jump](<https://discord.com/channels/1/10/99>)",
    ]


def test_remote_text_cannot_ping_link_or_format() -> None:
    """Mentions, markdown and links in titles and snippets are inert or gone."""
    text = found(
        "x",
        [_hit(title="@everyone **bold** [x](http://evil)", snippet="<@123456789012345678> *a*")],
    )
    assert "@everyone" not in text.replace("@\u200beveryone", "")
    assert "\\*\\*bold\\*\\*" in text
    assert "\\*a\\*" in text
    assert "<@123456789012345678>" not in text
    assert "evil" not in text


def test_marks_stay_bold_and_only_they() -> None:
    """The store's ``**`` marks stay bold; every other markdown character is escaped."""
    assert marked("a **b** c_d") == "a **b** c\\_d"
    assert marked("**x") == "**x**"


def test_a_hit_in_the_subtitles_links_to_its_moment() -> None:
    """YouTube gets ``t=70s``; any other page a ``#t=`` media fragment."""
    text = found("x", [_hit(source="https://www.youtube.com/watch?v=abc&t=5", at=70)])
    assert "([at 1:10](<https://www.youtube.com/watch?v=abc&t=70s>))" in text
    assert at_time("https://example.org/v.mp4#old", 3725) == "https://example.org/v.mp4#t=3725"
    assert clock(3725) == "1:02:05"


def test_nothing_found_says_so() -> None:
    """No hit: one line, the words as typed (spaces tidied)."""
    assert found("  many   spaces ", []) == "🔎 Nothing shared here matches “many spaces”."


def test_a_source_link_cannot_close_its_markdown_link() -> None:
    """``>``, ``)`` and ``[`` in a remote URL are percent-encoded: no second, fake link."""
    hostile = "https://a.example/x>)[jump](https://evil.example/"
    text = found("x", [_hit(source=hostile, at=65)])
    assert "(<https://a.example/x%3E%29%5Bjump%5D%28https://evil.example/#t=65>))" in text


def test_an_answer_fits_one_message_dropping_whole_items() -> None:
    """Five long hits: as many as fit in 2000 characters, none cut in the middle."""
    long = "word " * 200
    hits = [_hit(title="T" * 300, snippet=long, uploader="U" * 100, at=n) for n in range(5)]
    text = found("x", hits)
    assert len(text) <= 2000
    shown = int(text.split("**")[1].split()[0])
    assert 1 <= shown < 5
    assert text.count("shared by") == shown


def test_an_asked_answer_keeps_every_cited_source_within_one_message() -> None:
    """A long answer is cut, never the list of what it cites."""
    hits = [_hit(title="T" * 300) for _ in range(5)]
    text = answered(Answer("x " * 1500 + "[5]", hits))
    assert len(text) <= 2000
    assert all(f"[{n}] **" in text for n in range(1, 6))
