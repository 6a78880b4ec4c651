"""Writing a file into a container that plays: streams copied (remux), or audio re-encoded.

Each result is written beside the source under a name of ours (the remote name may hold
``%d``) and kept only if ffmpeg succeeded and it is within the limit; the caller then
puts it in the source's place (``replace``).
"""

from pathlib import Path

from boss_bot.core.ffmpeg import MediaInfo, Tools, input_args, run, size_of
from boss_bot.core.inline._table import Target

AUDIO_BPS = 160_000  # AAC or Opus at 160 kb/s: transparent for speech and most music
ENCODERS = {"mp4": "aac", "ipod": "aac", "webm": "libopus"}


def _streams(target: Target) -> list[str]:
    """The first picture (not cover art: ``V``) and the first sound; audio files: sound."""
    if target.video:
        return ["-map", "0:V:0", "-map", "0:a:0?"]
    return ["-map", "0:a:0"]


def _output(target: Target, out: Path) -> list[str]:
    """The muxer and the file (mp4 and m4a with their index first: they start at once)."""
    faststart = ["-movflags", "+faststart"] if target.muxer in ("mp4", "ipod") else []
    return [*faststart, "-f", target.muxer, f"file:{out}"]


async def _kept(args: list[str], out: Path, limit: int, tools: Tools, time_limit: float) -> bool:
    """Run ffmpeg; keep ``out`` if it worked and is within ``limit``, else remove it."""
    code, _ = await run(args, time_limit, tools.memory_mb)
    return _within(out, limit) if code == 0 else _within(out, -1)


def _within(out: Path, limit: int) -> bool:
    """Whether ``out`` holds something within ``limit``; removed when it does not."""
    if 0 < size_of(out) <= limit:
        return True
    out.unlink(missing_ok=True)
    return False


async def remux(
    tools: Tools, src: Path, info: MediaInfo, target: Target, *, limit: int, time_limit: float
) -> Path | None:
    """Copy ``src``'s streams into ``target``'s container; ``None`` if that fails or is over."""
    out = src.parent / f".inline{target.suffix}"
    args = [
        *(tools.ffmpeg or "ffmpeg", "-y", "-v", "error", *input_args(info.demuxer, src)),
        *_streams(target),
        *("-c", "copy", *_output(target, out)),
    ]
    return out if await _kept(args, out, limit, tools, time_limit) else None


async def encode_audio(
    tools: Tools, src: Path, info: MediaInfo, target: Target, *, limit: int, time_limit: float
) -> Path | None:
    """Re-encode ``src``'s sound for ``target`` (AAC, Opus for WebM), copying its picture.

    ``None`` if that fails or comes out over ``limit``.
    """
    out = src.parent / f".inline{target.suffix}"
    sound = ("-c:a", ENCODERS[target.muxer], "-b:a", str(AUDIO_BPS))
    args = [
        *(tools.ffmpeg or "ffmpeg", "-y", "-v", "error", *input_args(info.demuxer, src)),
        *_streams(target),
        *("-c:v", "copy", *sound, *_output(target, out)),
    ]
    return out if await _kept(args, out, limit, tools, time_limit) else None


def replace(original: Path, converted: Path, suffix: str) -> Path:
    """Put ``converted`` in ``original``'s place, named like it with ``suffix``.

    Another file of the job already under that name keeps it: this one gets ``-1``, ….
    """
    wanted = original.with_suffix(suffix)
    number = 0
    while wanted != original and wanted.exists():
        number += 1
        wanted = original.with_name(f"{original.stem}-{number}{suffix}")
    original.unlink()
    return converted.replace(wanted)
