"""Subtitles as text with start times: what search keeps of a video's speech.

They cross two process boundaries as JSON pairs ``[start, text]`` (a download child's
``info`` event, a remote worker's result) and are checked again as untrusted on arrival.
"""

import math
from dataclasses import dataclass

from boss_bot.core import untrusted

MAX_STRETCHES = 400  # stretches kept of one video (400 × 30 s: over three hours)
MAX_CHARS = 200_000  # characters kept of one video's subtitles, all stretches together
STRETCH_CHARS = 2000  # characters of one stretch (about 30 s of speech is 500)


@dataclass(frozen=True, slots=True)
class Caption:
    """A stretch of a video's subtitles (about 30 to 60 seconds of speech).

    Attributes:
        start: Seconds from the start of the video where this stretch begins.
        text: What is said, as plain text on one line (no markup, no cue timings).
    """

    start: float
    text: str


def caption_pairs(captions: tuple[Caption, ...]) -> list[list[object]]:
    """``captions`` as JSON: ``[[start, text], ...]``."""
    return [[caption.start, caption.text] for caption in captions]


def _start(value: object) -> float | None:
    """A start time: a finite number of seconds, from zero to 100 days."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and 0 <= number < untrusted.MAX_SECONDS else None


def checked_captions(raw: object) -> tuple[Caption, ...]:
    """The captions in JSON pairs from another process, each checked; the caps applied.

    A pair that is not ``[start, text]`` with a valid start and some text is dropped.
    """
    if not isinstance(raw, list):
        return ()
    kept: list[Caption] = []
    room = MAX_CHARS
    for pair in raw[:MAX_STRETCHES]:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            continue
        start, text = _start(pair[0]), untrusted.text(pair[1], min(STRETCH_CHARS, room))
        if start is not None and text:
            kept.append(Caption(start, text))
            room -= len(text)
        if room <= 0:
            break
    return tuple(kept)
