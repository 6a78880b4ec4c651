"""Generate a real H.264/AAC mp4 of at least a given size quickly, from incompressible noise."""

from __future__ import annotations

import math
from pathlib import Path

from tests.support.media import _av_inputs, _ffmpeg, _prepare

_NOISE_FPS = 25
_NOISE_SIZE = "640x480"
# Lossless x264 on full noise at 640x480 yields roughly 560 kB per frame.
_NOISE_BYTES_PER_FRAME = 500_000


def make_video_of_size(path: str | Path, target_bytes: int) -> Path:
    """Write a valid H.264/AAC mp4 of at least ``target_bytes`` bytes, quickly.

    Encodes lossless x264 of random noise (incompressible), so ~30 MB takes well under a
    second. Retries with more frames in the unlikely case the first attempt is too small.

    Args:
        path: Destination file (``.mp4``).
        target_bytes: Minimum size of the resulting file in bytes.
    """
    out = _prepare(path)
    frames = max(2, math.ceil(target_bytes / _NOISE_BYTES_PER_FRAME) + 1)
    for _ in range(5):
        _ffmpeg(
            *_av_inputs(f"testsrc2=size={_NOISE_SIZE}:rate={_NOISE_FPS},noise=alls=100:allf=t+u"),
            "-frames:v",
            str(frames),
            "-t",
            f"{frames / _NOISE_FPS:.3f}",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-qp",
            "0",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-movflags",
            "+faststart",
            str(out),
        )
        size = out.stat().st_size
        if size >= target_bytes:
            return out
        frames = math.ceil(frames * target_bytes / max(size, 1) * 1.1) + 1
    raise RuntimeError(f"could not reach {target_bytes} bytes for {out}")
