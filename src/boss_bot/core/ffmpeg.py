"""Running ffprobe and ffmpeg: child processes, killed on timeout or cancel, never blocking.

The binaries are configured (``BOSS_BOT_FFMPEG_PATH``/``FFPROBE_PATH``) or found on PATH
(Debian's and Homebrew's packages put them there).
"""

import asyncio
import contextlib
import json
import os
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path

from loguru import logger


@dataclass(frozen=True, slots=True)
class Tools:
    """Where ffmpeg and ffprobe are; either may be missing."""

    ffmpeg: str | None
    ffprobe: str | None

    @classmethod
    def find(cls, ffmpeg: str | None = None, ffprobe: str | None = None) -> "Tools":
        """Use the configured paths, else look on PATH."""
        return cls(ffmpeg or shutil.which("ffmpeg"), ffprobe or shutil.which("ffprobe"))

    @property
    def available(self) -> bool:
        """Both are there."""
        return bool(self.ffmpeg and self.ffprobe)


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """What ffprobe says about a file (``None`` where it does not say)."""

    duration: float | None
    width: int | None
    height: int | None
    video_codec: str | None
    has_audio: bool
    frames: int | None
    has_alpha: bool


async def run(args: list[str], time_limit: float) -> tuple[int, bytes]:
    """Run a tool; returns its exit code and stdout. Killed on timeout (then 124) or cancel."""
    proc = await asyncio.create_subprocess_exec(
        *args, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        out, err = await asyncio.wait_for(proc.communicate(), time_limit)
    except TimeoutError:
        logger.warning("{} timed out after {:.0f} s", Path(args[0]).name, time_limit)
        return 124, b""
    finally:
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            await proc.wait()
    if proc.returncode:
        logger.debug("{} exited {}: {}", Path(args[0]).name, proc.returncode, err[-1500:])
    return proc.returncode or 0, out


def _number(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


async def probe(tools: Tools, path: Path, time_limit: float = 60) -> MediaInfo | None:
    """Describe ``path``, or ``None`` if ffprobe can't read it."""
    assert tools.ffprobe is not None
    args = [tools.ffprobe, "-v", "error", "-print_format", "json", "-show_format",
            "-show_streams", "-count_packets", str(path)]  # fmt: skip
    code, out = await run(args, time_limit)
    if code:
        return None
    data = json.loads(out or b"{}")
    streams = data.get("streams", [])
    video = next(
        (
            s
            for s in streams
            if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
        ),
        {},
    )  # not cover art
    duration = _number(data.get("format", {}).get("duration")) or _number(video.get("duration"))
    frames = _number(video.get("nb_read_packets")) or _number(video.get("nb_frames"))
    return MediaInfo(
        duration=duration, width=video.get("width"), height=video.get("height"),
        video_codec=video.get("codec_name"),
        has_audio=any(s.get("codec_type") == "audio" for s in streams),
        frames=int(frames) if frames else None,
        has_alpha="a" in str(video.get("pix_fmt", "")).replace("gray", ""),
    )  # fmt: skip


def size_of(path: Path) -> int:
    """Bytes in ``path``; 0 if it is not there."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
