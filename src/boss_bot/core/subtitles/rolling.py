"""What was said, once: the repeats of rolling (automatic) captions dropped.

Automatic captions roll: each cue shows the line before it again above the new one,
and a cue of a few milliseconds often repeats the last line alone. Some sites grow a
line word by word instead ("hello", then "hello everyone"). Both repeats go here.
"""

from collections.abc import Iterable

from boss_bot.core.subtitles.webvtt import Cue

RECENT = 3  # a line equal to one of the last few said is a repeat


def spoken(cues: Iterable[Cue]) -> list[tuple[float, str]]:
    """Each line said, with the start of the cue that first showed it, in order."""
    said: list[tuple[float, str]] = []
    for cue in cues:
        for line in cue.lines:
            if any(line == text for _, text in said[-RECENT:]):
                continue
            if said and line.startswith(said[-1][1] + " "):  # the last line, grown
                said[-1] = (said[-1][0], line)
                continue
            said.append((cue.start, line))
    return said
