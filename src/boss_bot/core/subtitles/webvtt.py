"""WebVTT cues: when each starts and its lines as plain text (W3C WebVTT, leniently).

Only what search needs is read: a cue's start time and its text. Cue settings, styles,
regions, notes and identifiers are skipped; markup (``<c.color>``, ``<v Name>``,
karaoke timestamps ``<00:00:01.000>``, ``<b>``…) is dropped and entities decoded.
"""

import html
import re
from dataclasses import dataclass

from boss_bot.core import untrusted
from boss_bot.core.captions import STRETCH_CHARS

_TIMING = re.compile(
    r"\s*(?:(\d{1,6}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})\s+-->\s+(?:\d{1,6}:)?\d{1,2}:\d{2}[.,]\d"
)
_MARKUP = re.compile(r"<[^>\n]*>")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue: its start in seconds and its lines of text, markup dropped."""

    start: float
    lines: tuple[str, ...]


def _start(match: re.Match[str]) -> float:
    """The cue's start time in seconds."""
    hours, minutes, seconds, fraction = match.groups()
    whole = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return whole + int(fraction.ljust(3, "0")) / 1000


def plain(line: str) -> str:
    """A cue line as plain text: markup dropped, entities decoded, spaces collapsed."""
    text = html.unescape(_MARKUP.sub("", line))
    return untrusted.text(_SPACES.sub(" ", text), STRETCH_CHARS)


def _cue(block: list[str]) -> Cue | None:
    """The cue in a block of lines (an identifier may come first); None for anything else."""
    for at, line in enumerate(block[:2]):
        if "-->" in line and (match := _TIMING.match(line)):
            lines = (plain(text) for text in block[at + 1 :])
            return Cue(_start(match), tuple(text for text in lines if text))
    return None


def cues(text: str) -> list[Cue]:
    """The cues of a WebVTT file with some text, by start time; none if it is not WebVTT."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.startswith("WEBVTT"):
        return []
    found: list[Cue] = []
    for block in text.split("\n\n")[1:]:  # the first block is the header
        cue = _cue(block.strip("\n").split("\n"))
        if cue is not None and cue.lines:
            found.append(cue)
    return sorted(found, key=lambda cue: cue.start)
