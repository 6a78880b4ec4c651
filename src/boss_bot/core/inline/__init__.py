"""Making each posted video and sound play inline in Discord's clients (issue 15).

After fitting, every file is judged against what Discord's desktop, web and mobile
clients play (``_table``; the reasoning is in the user guide): one that plays is left
alone; one whose codecs play but whose container does not (H.264/AAC in Matroska,
VP9/Opus in mp4) is remuxed, its streams copied into the right container; one whose
codecs don't (HEVC, AV1, ProRes, …) is re-encoded to H.264/AAC mp4 within the limit
with the fitting code. Big animated GIFs and WebPs become mp4 (``_animated``).
``BOSS_BOT_INLINE_VIDEO``: ``full`` does all of it, ``remux`` only the stream copies,
``off`` nothing. Each conversion adds a note to the status message.
"""

from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.inline._step import InlineStep
from boss_bot.core.results import BatchStep
from boss_bot.settings import InlineVideo

__all__ = ["InlineStep", "inline_steps"]


def inline_steps(mode: InlineVideo, fitter: Fitter) -> list[BatchStep]:
    """The steps for ``BOSS_BOT_INLINE_VIDEO=mode``: none for ``off``, else one."""
    if mode == "off":
        return []
    return [InlineStep(fitter, encode=mode == "full")]
