"""Video and audio arrive without tags or chapters, their streams copied bit for bit."""

import struct
import subprocess
from pathlib import Path

import pytest

from boss_bot.core.cleaning import Cleaner
from boss_bot.core.ffmpeg import Tools
from boss_bot.core.results import Batch
from tests.core.cleankit import (
    TAGS,
    corner_jpeg,
    exif_app1,
    ffmpeg,
    rgb,
    stream_hashes,
    tagged_video,
)
from tests.support.media import make_video, probe

LIMIT = 10 * 1024 * 1024


@pytest.mark.parametrize(("name", "container"), [("clip.mp4", "mp4"), ("clip.mkv", "matroska")])
async def test_a_videos_tags_are_gone_and_its_streams_identical(
    tmp_path: Path, name: str, container: str
) -> None:
    """title, comment, location, creation time and chapters go; packets and language stay."""
    clip = tagged_video(tmp_path, name, container)
    before = probe(clip)
    assert TAGS.items() <= {k.lower(): v for k, v in before["format"]["tags"].items()}.items()
    hashes = stream_hashes(clip)
    [out] = (await Cleaner(Tools.find(), 60)(Batch([clip]), LIMIT)).files
    after = probe(out)
    assert out == clip
    assert after["format"]["format_name"] == before["format"]["format_name"]
    tags = {k.lower() for k in after["format"].get("tags", {})}
    assert not tags & {*TAGS, "creation_time"}
    for stream in after["streams"]:
        assert "creation_time" not in stream.get("tags", {})
    show = ["ffprobe", "-v", "error", "-show_chapters", "-of", "csv", str(out)]
    assert subprocess.run(show, capture_output=True, text=True, check=True).stdout.strip() == ""
    assert stream_hashes(out) == hashes
    assert {s["codec_type"] for s in after["streams"]} == {"video", "audio"}
    audio = next(s for s in after["streams"] if s["codec_type"] == "audio")
    assert audio["tags"]["language"] == "fra"


async def test_a_clean_video_is_not_rewritten(tmp_path: Path) -> None:
    """A clip whose only tags are the muxer's own arrives as the same bytes."""
    clip = make_video(tmp_path / "clip.mp4")
    before = clip.read_bytes()
    [out] = (await Cleaner(Tools.find(), 60)(Batch([clip]), LIMIT)).files
    assert out.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "codec"),
    [("a.mp3", "libmp3lame"), ("a.flac", "flac"), ("a.ogg", "libvorbis"), ("a.m4a", "aac")],
)
async def test_audio_loses_its_tags_and_keeps_its_packets(
    tmp_path: Path, name: str, codec: str
) -> None:
    """mp3 (ID3), FLAC and Ogg (Vorbis comments), m4a: the title and artist go, the audio stays."""
    song = tmp_path / name
    ffmpeg(
        *("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", codec),
        *("-metadata", "title=Voice memo", "-metadata", "artist=Jane Doe", str(song)),
    )
    audio_hash = ("-map", "0:a", "-c", "copy", "-f", "streamhash", "-")
    before = ffmpeg("-i", str(song), *audio_hash)
    [out] = (await Cleaner(Tools.find(), 60)(Batch([song]), LIMIT)).files
    after = probe(out)
    tags = {k.lower() for s in [after["format"], *after["streams"]] for k in s.get("tags", {})}
    assert not tags & {"title", "artist"}
    assert ffmpeg("-i", str(out), *audio_hash) == before


async def test_without_ffmpeg_a_sideways_photo_keeps_only_its_orientation(tmp_path: Path) -> None:
    """No ffmpeg to turn it: the GPS goes, an EXIF holding only the Orientation stays."""
    photo = corner_jpeg(tmp_path / "photo.jpg", exif_app1(6))
    [out] = (await Cleaner(Tools(None, None), 60)(Batch([photo]), LIMIT)).files
    data = out.read_bytes()
    assert data.count(b"Exif\0\0") == 1
    assert struct.pack(">HHI", 0x8825, 4, 1) not in data  # no GPS pointer
    assert rgb(out)[:2] == (64, 32)  # stored as it was
    assert b"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06" in data  # Orientation = 6, big-endian
