"""What ``$ask`` says without a language model: the best passages, each cited."""

import re
from collections.abc import Sequence

from boss_bot.core.search.answering._answer import ANSWER_BUDGET, Answer
from boss_bot.core.search.answering._posting import postable
from boss_bot.core.search.answering._text import capped, clock, one_line
from boss_bot.core.search.entries import Hit

PASSAGE_WIDTH = 240
TITLE_WIDTH = 80
SNIPPET_READ = 2000

_MARKDOWN = re.compile(r"([\\*_~`|\[\]()<>#-])")
_WORD = re.compile(r"\w{3,}")


def _escaped(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", text)


def _anchor(passage: str, question: str) -> int:
    """Where the passage answers: its first matched word, else a word of the question."""
    marked = passage.find("**")
    if marked >= 0:
        return marked
    lowered = passage.casefold()
    found = (lowered.find(word.casefold()) for word in _WORD.findall(question))
    return min((index for index in found if index >= 0), default=0)


def _window(passage: str, question: str) -> str:
    """About ``PASSAGE_WIDTH`` characters of the passage around where it answers."""
    start = max(0, _anchor(passage, question) - PASSAGE_WIDTH // 3)
    if start:
        start = passage.find(" ", start) + 1 or start
    window = capped(passage[start:], PASSAGE_WIDTH)
    return ("…" if start else "") + window


def _bold_matches(passage: str) -> str:
    """The passage escaped, its ``**`` pairs kept as bold (an unpaired one is dropped)."""
    parts = passage.split("**")
    if len(parts) % 2 == 0:
        parts[-2:] = ["".join(parts[-2:])]
    return "**".join(_escaped(part) for part in parts)


def extractive(question: str, hits: Sequence[Hit], limit: int = 3) -> Answer:
    """The best ``limit`` hits as lines of title, time and passage, each ending in ``[n]``.

    Passages and titles are untrusted: mentions, links and headings are removed and
    markdown is escaped; the matched words stay bold.

    Args:
        question: What the member asked (a passage is shown around its words).
        hits: The search's hits, best first.
        limit: How many to quote.

    Returns:
        The answer: as many of those lines as fit ``ANSWER_BUDGET``; no hits give an
        empty text and no sources.
    """
    lines: list[str] = []
    for number, hit in enumerate(hits[:limit], 1):
        title = _escaped(capped(postable(one_line(hit.entry.title)), TITLE_WIDTH)) or "untitled"
        at = f" ({clock(hit.at)})" if hit.at is not None else ""
        passage = postable(capped(one_line(hit.snippet), SNIPPET_READ))
        line = f"**{title}**{at}: {_bold_matches(_window(passage, question))} [{number}]"
        if len("\n".join([*lines, line])) > ANSWER_BUDGET:
            break
        lines.append(line)
    return Answer("\n".join(lines), tuple(hits[: len(lines)]))
