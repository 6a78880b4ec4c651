"""The answer without a model: the best passages as cited, escaped lines."""

from boss_bot.core.search.answering import ANSWER_BUDGET, extractive
from tests.core.search.answering.hitkit import hit, hits


def test_the_best_hits_are_cited_in_order() -> None:
    """Three hits of five, one line each, numbered [1] to [3], titles in bold."""
    given = hits(5)
    answer = extractive("bridges", given)
    lines = answer.text.split("\n")
    assert len(lines) == 3
    assert answer.hits == tuple(given[:3])
    for number, line in enumerate(lines, 1):
        assert line.startswith(f"**Video {number}**: ")
        assert line.endswith(f"[{number}]")


def test_a_subtitle_hit_shows_its_time_and_matched_words_stay_bold() -> None:
    """The timestamp follows the title; the store's ** markers survive escaping."""
    answer = extractive("bridge", [hit(1, "the **bridge** fell_down *now*", at=125.0)])
    assert answer.text == r"**Video 1** (2:05): the **bridge** fell\_down \*now\* [1]"


def test_remote_text_cannot_ping_or_link() -> None:
    """Mentions and links in titles and passages are removed before posting."""
    sneaky = hit(1, "@everyone see [x](https://e.example) <@1>", title="<@&5> https://e.example")
    answer = extractive("see", [sneaky])
    assert "@" not in answer.text
    assert "://" not in answer.text
    assert "](" not in answer.text


def test_a_long_passage_is_shown_around_the_question_words() -> None:
    """Far into a long passage, the window starts near the asked word, marked with …."""
    passage = "filler " * 200 + "the bridge swayed in the wind " + "filler " * 200
    answer = extractive("why did the bridge sway", [hit(1, passage)])
    assert "…" in answer.text
    assert "the bridge swayed" in answer.text
    assert len(answer.text) < 400


def test_an_unpaired_marker_left_by_the_window_is_dropped() -> None:
    """A cut through "**" never leaves bold running to the end of the line."""
    passage = "**" + "word " * 100 + "end**"
    answer = extractive("word", [hit(1, passage)])
    assert answer.text.startswith("**Video 1**: word word")
    assert answer.text.count("**") == 2


def test_the_answer_fits_its_budget_with_whole_lines() -> None:
    """Huge titles and passages: whole lines only, and their sources only."""
    huge = [hit(n, "_" * 3000, title="*" * 3000) for n in range(1, 6)]
    answer = extractive("x", huge, limit=5)
    assert len(answer.text) <= ANSWER_BUDGET
    assert answer.text.count("\n") + 1 == len(answer.hits)
    assert answer.text.endswith(f"[{len(answer.hits)}]")


def test_no_hits_give_an_empty_answer() -> None:
    """Nothing found: no text, no sources (the bot says so itself)."""
    answer = extractive("anything", [])
    assert (answer.text, answer.hits) == ("", ())
