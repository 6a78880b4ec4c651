"""What ``$ask`` says: a short text with ``[n]`` markers, and the hit each marker names."""

from dataclasses import dataclass

from boss_bot.core.search.entries import Hit

ANSWER_BUDGET = 1200
"""Characters for an answer's text: Discord's 2,000 less room for the bot's sources list
(up to 5 lines of ``[n]``, a title and a jump link, about 160 characters each)."""


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer ready to post, with its sources.

    Attributes:
        text: Markdown safe to post as it is: no mention, link or heading in it (the
            bot still posts it with no mentions allowed). ``[n]`` names ``hits[n - 1]``.
        hits: The cited hits in citation order; the bot lists each with its jump link.
    """

    text: str
    hits: tuple[Hit, ...]
