"""The test media generators make real, valid files quickly."""

import time
from pathlib import Path

import pytest

from tests.support.media import make_image, make_jpeg, make_video, probe
from tests.support.sized_video import make_video_of_size


def test_make_video_is_h264_aac(tmp_path: Path) -> None:
    """make_video produces an H.264/AAC mp4 of the requested duration."""
    info = probe(make_video(tmp_path / "v.mp4", seconds=2))
    assert sorted(s["codec_name"] for s in info["streams"]) == ["aac", "h264"]
    assert float(info["format"]["duration"]) == pytest.approx(2, abs=0.2)


def test_make_video_of_size_is_big_fast_and_valid(tmp_path: Path) -> None:
    """make_video_of_size reaches the target size in well under 5 s."""
    started = time.monotonic()
    out = make_video_of_size(tmp_path / "big.mp4", 5_000_000)
    assert time.monotonic() - started < 5
    assert out.stat().st_size >= 5_000_000
    assert "h264" in {s["codec_name"] for s in probe(out)["streams"]}


def test_make_images(tmp_path: Path) -> None:
    """make_image writes a PNG and make_jpeg a JPEG of the requested size."""
    png, jpg = make_image(tmp_path / "i.png"), make_jpeg(tmp_path / "i.jpg", size="32x16")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert jpg.read_bytes()[:3] == b"\xff\xd8\xff"
    assert (probe(jpg)["streams"][0]["width"], probe(jpg)["streams"][0]["height"]) == (32, 16)
