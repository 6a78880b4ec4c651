"""Media that Discord does not play as it is, made with ffmpeg for the inline tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.support.media import FFMPEG, _ffmpeg

PATTERN = ("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25")
TONE = ("-f", "lavfi", "-i", "sine=frequency=440:r=48000")


def has_encoder(name: str) -> bool:
    """Whether this ffmpeg has the encoder ``name`` (libx265 is not everywhere)."""
    out = subprocess.run(
        [FFMPEG, "-hide_banner", "-encoders"], capture_output=True, text=True, check=False
    )
    return shutil.which(FFMPEG) is not None and f" {name} " in out.stdout


def make_clip(path: Path, video: str, audio: str, seconds: float = 2, *extra: str) -> Path:
    """A ``seconds`` test pattern with a tone, in ``video`` and ``audio``, muxed by name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    codecs = ("-c:v", video, "-pix_fmt", "yuv420p", "-c:a", audio, "-t", str(seconds))
    _ffmpeg(*PATTERN, *TONE, *codecs, *extra, str(path))
    return path


def make_hevc(path: Path, seconds: float = 2) -> Path:
    """HEVC/AAC in mp4 (tagged ``hvc1``, as phones write it)."""
    quiet = ("-x265-params", "log-level=error", "-tag:v", "hvc1")
    return make_clip(path, "libx265", "aac", seconds, *quiet, "-preset", "ultrafast")


def make_animated_webp(path: Path, seconds: float = 3, size: str = "480x360") -> Path:
    """A noisy animated WebP at 10 frames a second, over a megabyte."""
    noise = f"testsrc2=s={size}:r=10,noise=alls=30:allf=t:all_seed=5"
    anim = ("-c:v", "libwebp_anim", "-lossless", "0", "-q:v", "90", "-loop", "0")
    _ffmpeg("-f", "lavfi", "-i", noise, "-t", str(seconds), *anim, str(path))
    return path


def make_gif(path: Path, seconds: float = 1, size: str = "64x48") -> Path:
    """A small animated GIF at 10 frames a second."""
    _ffmpeg("-f", "lavfi", "-i", f"testsrc2=s={size}:r=10", "-t", str(seconds), str(path))
    return path


def stream_hashes(path: Path) -> list[str]:
    """The MD5 of each stream's packets, as copied (equal for a lossless remux)."""
    out = subprocess.run(
        [
            FFMPEG,
            "-v",
            "error",
            "-i",
            str(path),
            "-map",
            "0",
            "-c",
            "copy",
            "-f",
            "streamhash",
            "-hash",
            "md5",
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return [line.split(",", 2)[2] for line in out.stdout.splitlines() if line]
