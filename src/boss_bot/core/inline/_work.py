"""Converting one judged file: remux, re-encode or animation to video, and its note."""

from pathlib import Path

from loguru import logger

from boss_bot.core.ffmpeg import size_of
from boss_bot.core.fitting import fit_video
from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.inline import _notes
from boss_bot.core.inline._animated import SMALLEST_TARGET, to_video
from boss_bot.core.inline._convert import encode_audio, remux, replace
from boss_bot.core.inline._judging import Judged
from boss_bot.core.inline._verdict import Action
from boss_bot.core.media.names import shown_name


def encode_target(path: Path, limit: int) -> int:
    """Bytes an H.264 copy may take, never over the limit.

    Twice the source (HEVC, AV1 and VP9 carry about as much in half the bytes), and at
    least 256 KB for tiny clips.
    """
    return min(limit, max(2 * size_of(path), SMALLEST_TARGET))


async def _encode(fitter: Fitter, one: Judged, limit: int) -> tuple[Path | None, str]:
    """Re-encode to H.264/AAC mp4 (sound alone: AAC m4a); the result and its codec's name."""
    info, target = one.info, one.verdict.target
    assert info is not None
    assert target is not None
    if refusal := fitter.bounds.refusal(shown_name(one.path.name), info):
        logger.info("not converting: {}", refusal)
        return None, ""
    tools, time = fitter.tools, fitter.timeout
    if target.video:
        return await fit_video(tools, one.path, info, encode_target(one.path, limit), time), "H.264"
    return await encode_audio(tools, one.path, info, target, limit=limit, time_limit=time), "AAC"


async def convert(fitter: Fitter, one: Judged, limit: int) -> tuple[Path, str]:
    """``one``'s file made playable, with the note saying so; as it was, with none, if not."""
    tools, time, name, before = fitter.tools, fitter.timeout, one.path.name, size_of(one.path)
    info, target, note = one.info, one.verdict.target, ""
    out: Path | None = None
    match one.verdict.action:
        case Action.REMUX if info is not None and target is not None:
            out = await remux(tools, one.path, info, target, limit=limit, time_limit=time)
            note = _notes.moved(name, target.what)
        case Action.ENCODE:
            out, result = await _encode(fitter, one, limit)
            source = info.video_codec or info.audio_codec if info else None
            note = _notes.encoded(name, source, result)
        case Action.SOUND if info is not None and target is not None:
            out = await encode_audio(tools, one.path, info, target, limit=limit, time_limit=time)
            sound = "Opus" if target.muxer == "webm" else "AAC"
            note = _notes.sound(name, info.audio_codec, sound)
        case Action.ANIMATE:
            out = await to_video(tools, one.path, info, fitter.bounds, limit=limit, time=time)
            note = _notes.animated(name, before, size_of(out) if out else 0)
    if out is None:
        logger.info("left {} as it came ({})", name, one.verdict.action.value)
        return one.path, ""
    logger.info("{} {} ({} B → {} B)", one.verdict.action.value, name, before, size_of(out))
    return replace(one.path, out, target.suffix if target else ".mp4"), note
