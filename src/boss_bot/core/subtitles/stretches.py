"""Lines said, grouped into stretches of about 30 to 60 seconds, each with its start.

A stretch ends at the first cue boundary after 30 seconds where a sentence ends, and
at the first boundary after 60 seconds in any case (automatic captions have no
punctuation), or when its text is long; the caps of ``core.captions`` hold.
"""

from collections.abc import Iterable

from boss_bot.core.captions import MAX_CHARS, MAX_STRETCHES, STRETCH_CHARS, Caption

AT_LEAST, AT_MOST = 30.0, 60.0  # seconds from a stretch's start to the next
SENTENCE_ENDS = (".", "!", "?", "…", '."', '?"', '!"', "。", "！", "？")


def _ends_here(start: float, at: float, text: str) -> bool:
    """Whether a stretch begun at ``start``, saying ``text``, ends before a line at ``at``."""
    if len(text) >= STRETCH_CHARS or at - start >= AT_MOST:
        return True
    return at - start >= AT_LEAST and text.endswith(SENTENCE_ENDS)


def stretches(said: Iterable[tuple[float, str]]) -> tuple[Caption, ...]:
    """The stretches of ``said`` (lines with start times, in order), capped."""
    kept: list[Caption] = []
    room, start, text = MAX_CHARS, 0.0, ""
    for at, line in said:
        if text and _ends_here(start, at, text):
            kept.append(Caption(start, text[: min(STRETCH_CHARS, room)]))
            room -= len(kept[-1].text)
            text = ""
            if len(kept) == MAX_STRETCHES or room <= 0:
                return tuple(kept)
        start, text = (at, line) if not text else (start, f"{text} {line}")
    if text:
        kept.append(Caption(start, text[: min(STRETCH_CHARS, room)]))
    return tuple(kept)
