"""A model's reply made into an ``Answer``: real citations only, numbered as they are used."""

import re
from collections.abc import Sequence

from boss_bot.core.search.answering._answer import ANSWER_BUDGET, Answer
from boss_bot.core.search.answering._posting import postable, tidy
from boss_bot.core.search.answering._prompt import MAX_SNIPPETS
from boss_bot.core.search.answering._text import capped
from boss_bot.core.search.entries import Hit

REPLY_CAP = 4000
"""Characters of a reply read at all (asked for under 120 words, it needs under 1,000)."""

_THINKING = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL | re.IGNORECASE)
_CITATION = re.compile(r"\[(\d{1,4}(?:\s*,\s*\d{1,4})*)\]")
_MARKER = re.compile(r"\[(\d+)\]")


class _Renumbering:
    """Replaces each citation group by its valid numbers, in order of first use."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.used: list[int] = []  # the snippets' numbers, in order of first use

    def __call__(self, match: re.Match[str]) -> str:
        markers: list[str] = []
        for number in (int(part) for part in match.group(1).split(",")):
            if not 1 <= number <= self.count:
                continue
            if number not in self.used:
                self.used.append(number)
            marker = f"[{self.used.index(number) + 1}]"
            if marker not in markers:
                markers.append(marker)
        return "".join(markers)


def cited_answer(reply: str, hits: Sequence[Hit], budget: int = ANSWER_BUDGET) -> Answer | None:
    """The model's reply as an ``Answer``, or ``None``: then answer with ``extractive``.

    Citations of snippets that were not shown are dropped; ``[1, 3]`` becomes ``[1][2]``;
    the rest are renumbered ``[1]``, ``[2]``… in the order the reply first uses them.
    Mentions, links, headings and a reasoning model's ``<think>`` part are removed, and
    the text is cut to ``budget`` characters (the sources the cut leaves uncited go too).

    Args:
        reply: What the model said (untrusted).
        hits: The hits given to ``chat_messages``, in the same order.
        budget: The most characters the answer's text may have.

    Returns:
        The answer, or ``None`` when the reply is empty or cites no shown snippet.
    """
    shown = list(hits[:MAX_SNIPPETS])
    renumbering = _Renumbering(len(shown))
    text = postable(_THINKING.sub("", reply[:REPLY_CAP]))
    text = tidy(_CITATION.sub(renumbering, text))
    text = capped(text, budget)
    cited = max((int(number) for number in _MARKER.findall(text)), default=0)
    if not cited:
        return None
    return Answer(text, tuple(shown[number - 1] for number in renumbering.used[:cited]))
