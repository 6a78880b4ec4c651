"""Generate small but real media files with ffmpeg for tests.

Every function writes to the path the caller gives and returns it; nothing is cached.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

FFMPEG = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"
FFPROBE = shutil.which("ffprobe") or "/usr/bin/ffprobe"


def _ffmpeg(*args: str) -> None:
    """Run ffmpeg quietly, raising ``CalledProcessError`` with its stderr on failure."""
    cmd = [FFMPEG, "-hide_banner", "-nostdin", "-loglevel", "error", "-y", *args]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)


def _prepare(path: str | Path) -> Path:
    """Return ``path`` as a Path whose parent directory exists."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def _av_inputs(video_filter: str) -> list[str]:
    """Return ffmpeg args for a lavfi video source plus a 440 Hz sine audio source."""
    return ["-f", "lavfi", "-i", video_filter, "-f", "lavfi", "-i", "sine=frequency=440:r=44100"]


def make_video(
    path: str | Path,
    seconds: float = 2,
    size: str = "320x240",
    video_bitrate: str = "200k",
    fps: int = 25,
) -> Path:
    """Write an H.264/AAC mp4 (testsrc + sine, faststart) and return its path.

    Args:
        path: Destination file (``.mp4``).
        seconds: Duration in seconds.
        size: Frame size as ``WxH``.
        video_bitrate: Target video bitrate, e.g. ``"200k"``.
        fps: Frames per second.
    """
    out = _prepare(path)
    _ffmpeg(
        *_av_inputs(f"testsrc=size={size}:rate={fps}"),
        "-t",
        str(seconds),
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-b:v",
        video_bitrate,
        "-c:a",
        "aac",
        "-b:a",
        "64k",
        "-movflags",
        "+faststart",
        str(out),
    )
    return out


BIG_CLIP = (
    *("-f", "lavfi", "-i", "testsrc2=s=1280x720:r=25,noise=alls=12:allf=t"),
    *("-f", "lavfi", "-i", "sine=frequency=440", "-t", "20"),
    *("-c:v", "libx264", "-preset", "ultrafast", "-b:v", "6M", "-c:a", "aac"),
)


def make_big_clip(path: str | Path) -> Path:
    """Write about 15 MB of noisy 720p H.264/AAC, 20 s: over a 10 MiB upload limit."""
    out = _prepare(path)
    _ffmpeg(*BIG_CLIP, str(out))
    return out


def probe(path: str | Path) -> dict:
    """Return ffprobe's JSON (``format`` and ``streams``) for a media file."""
    cmd = [FFPROBE, "-v", "error", "-show_format", "-show_streams", "-of", "json", str(path)]
    result = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=60)
    return json.loads(result.stdout)


def make_image(path: str | Path, size: str = "64x48") -> Path:
    """Write a single-frame PNG test pattern and return its path."""
    out = _prepare(path)
    _ffmpeg("-f", "lavfi", "-i", f"testsrc=size={size}:rate=1", "-frames:v", "1", str(out))
    return out


def make_jpeg(path: str | Path, size: str = "64x48") -> Path:
    """Write a single-frame JPEG test pattern and return its path."""
    out = _prepare(path)
    _ffmpeg(
        *["-f", "lavfi", "-i", f"testsrc=size={size}:rate=1"],
        *["-frames:v", "1", "-pix_fmt", "yuvj420p", "-f", "image2", "-c:v", "mjpeg", str(out)],
    )
    return out
