"""A model's reply kept to real citations, renumbered, safe to post and cut to size."""

import pytest

from boss_bot.core.search.answering import MAX_SNIPPETS, cited_answer
from tests.core.search.answering.hitkit import hits


def test_citations_are_renumbered_in_order_of_first_use() -> None:
    """[3] then [1] become [1] then [2], and the sources follow that order."""
    given = hits(3)
    answer = cited_answer("It fell [3]. It was rebuilt [1]. Again [3].", given)
    assert answer is not None
    assert answer.text == "It fell [1]. It was rebuilt [2]. Again [1]."
    assert answer.hits == (given[2], given[0])


def test_citations_of_snippets_not_shown_are_dropped() -> None:
    """[0], [4] and [99] name no snippet among three: they go, the sentence stays."""
    given = hits(3)
    answer = cited_answer("Wind [4][2]. Rain [0]. Snow [99].", given)
    assert answer is not None
    assert answer.text == "Wind [1]. Rain. Snow."
    assert answer.hits == (given[1],)


def test_a_citation_group_becomes_separate_markers() -> None:
    """[1, 3] becomes [1][2]; a repeat inside the group is dropped."""
    answer = cited_answer("Both [1, 3, 1].", hits(3))
    assert answer is not None
    assert answer.text == "Both [1][2]."


def test_snippets_past_the_prompt_limit_cannot_be_cited() -> None:
    """Only the hits the prompt showed can be sources."""
    answer = cited_answer(f"Late [{MAX_SNIPPETS + 1}]. Early [1].", hits(MAX_SNIPPETS + 2))
    assert answer is not None
    assert answer.text == "Late. Early [1]."


@pytest.mark.parametrize(
    "reply", ["", "   ", "I do not know.", "See [7].", "<think>[1]</think>No idea."]
)
def test_a_reply_without_a_real_citation_gives_none(reply: str) -> None:
    """Empty, uncited or wrongly cited replies leave the answer to extractive."""
    assert cited_answer(reply, hits(3)) is None


@pytest.mark.parametrize(
    ("reply", "text"),
    [
        ("Ask @everyone and @here [1].", "Ask everyone and here [1]."),
        ("Hi @@everyone [1].", "Hi everyone [1]."),
        ("Ping <@123> <@!456> <@&789> [1].", "Ping [1]."),
        ("In <#42> or </ban:77> or <id:guide> [1].", "In or or [1]."),
        ("Nested <<@1>@2> [1].", "Nested [1]."),
        ("Go [here](https://evil.example/x) [1].", "Go here [1]."),
        ("Source [1](https://evil.example/x).", "Source [1]."),
        ("Bare https://evil.example/x and <https://e.example> [1].", "Bare and [1]."),
        ("Gap http ://evil.example [1].", "Gap [1]."),
        ("# Title\n-# small\nBody [1].", "Title\nsmall\nBody [1]."),
        ("<think>plan [2]</think>Answer [1].", "Answer [1]."),
    ],
)
def test_mentions_links_headings_and_thinking_are_removed(reply: str, text: str) -> None:
    """Nothing in the answer pings anyone or links anywhere the bot did not choose."""
    answer = cited_answer(reply, hits(3))
    assert answer is not None
    assert answer.text == text


def test_a_long_reply_is_cut_and_sources_cut_off_go_too() -> None:
    """The cut lands on a sentence end within the budget; [2] after it is no source."""
    reply = "First point [1]. " + "More words here. " * 80 + "Last [2]."
    answer = cited_answer(reply, hits(3), budget=300)
    assert answer is not None
    assert len(answer.text) <= 300
    assert answer.text.endswith(".…")
    assert "[2]" not in answer.text
    assert len(answer.hits) == 1


def test_a_cut_never_leaves_half_a_marker() -> None:
    """A cut through "[2]" with no space to break at drops the broken marker and its source."""
    reply = "A [1] " + "b" * 40 + "[2]" + "c" * 20
    answer = cited_answer(reply, hits(2), budget=49)
    assert answer is not None
    assert answer.text == "A [1] " + "b" * 40 + "…"
    assert len(answer.hits) == 1
