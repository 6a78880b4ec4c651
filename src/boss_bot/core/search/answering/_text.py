"""Untrusted text made quotable: one line, no invisible characters, capped, times as clocks."""

import re

_WHITESPACE = re.compile(r"\s+")
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_SENTENCE_ENDS = (". ", "! ", "? ", "\n")
_PARTIAL_MARKER = re.compile(r"\[\d*$")


def one_line(text: str) -> str:
    """``text`` on one line: whitespace runs become one space; controls, bidi and zero-width go."""
    return _INVISIBLE.sub("", _WHITESPACE.sub(" ", text)).strip()


def capped(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a sentence or word end, with "…".

    A cut never leaves half a ``[n]`` marker behind.
    """
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    ends = [head.rfind(end) for end in _SENTENCE_ENDS]
    cut = max(ends) + 1
    if cut <= limit // 2:
        cut = max(head.rfind(" "), head.rfind("\n"))
    if cut > limit // 2:
        head = head[:cut]
    return _PARTIAL_MARKER.sub("", head).rstrip() + "…"


def clock(seconds: float) -> str:
    """A time into a video as players show it: ``2:03`` or ``1:02:03``."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
