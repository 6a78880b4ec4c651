"""Subtitles as text with start times: what search keeps of a video's speech."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Caption:
    """A stretch of a video's subtitles (about 30 to 60 seconds of speech).

    Attributes:
        start: Seconds from the start of the video where this stretch begins.
        text: What is said, as plain text on one line (no markup, no cue timings).
    """

    start: float
    text: str
