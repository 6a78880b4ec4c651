"""Subtitles made search text: WebVTT cues, their rolling repeats dropped, in stretches.

``captions_from_vtt`` is all a caller needs; it runs in the download child (on the
site's bytes) and never raises on any text.
"""

from boss_bot.core.captions import Caption
from boss_bot.core.subtitles.rolling import spoken
from boss_bot.core.subtitles.stretches import stretches
from boss_bot.core.subtitles.webvtt import cues

__all__ = ["captions_from_vtt"]


def captions_from_vtt(text: str) -> tuple[Caption, ...]:
    """The stretches of what a WebVTT file says; none when ``text`` is not WebVTT."""
    return stretches(spoken(cues(text)))
