"""Judging one file of a job: sniffed, probed, and what it needs (``_verdict``)."""

from dataclasses import dataclass
from pathlib import Path

from boss_bot.core.ffmpeg import MediaInfo, probe, size_of
from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.inline._animated import animated_webp, worth
from boss_bot.core.inline._verdict import JUDGED, KEEP, Action, Verdict, is_webm, judge
from boss_bot.core.media.content import sniff_file

ANIMATE = Verdict(Action.ANIMATE)


@dataclass(frozen=True, slots=True)
class Judged:
    """A file, what it needs, and its probe (``None`` for pictures ffprobe can't read)."""

    path: Path
    verdict: Verdict
    info: MediaInfo | None = None


async def judge_file(fitter: Fitter, path: Path, limit: int) -> Judged:
    """What ``path`` needs to play inline under ``limit``.

    A video or sound over the limit is left alone: fitting tried and could not shrink
    it, so it is reported as too large. An animated WebP over the limit is not: ffmpeg
    cannot shrink it, but made into a video it may fit.
    """
    demuxer = (await sniff_file(path)).demuxer
    if demuxer == "webp_pipe" and worth(path, limit) and await animated_webp(path):
        return Judged(path, ANIMATE)
    if demuxer not in JUDGED and demuxer != "gif":
        return Judged(path, KEEP)
    if demuxer == "gif" and not worth(path, limit):
        return Judged(path, KEEP)  # small: Discord animates it, looping, without a tap
    if demuxer != "gif" and size_of(path) > limit:
        return Judged(path, KEEP)
    info = await probe(fitter.tools, path, demuxer, fitter.timeout)
    if info is None:
        return Judged(path, KEEP)
    if demuxer == "gif":
        return Judged(path, ANIMATE if (info.frames or 1) > 1 else KEEP, info)
    webm = demuxer == "matroska" and await is_webm(path)
    return Judged(path, judge(info, path.name, webm), info)
