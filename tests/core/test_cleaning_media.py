"""Video and audio arrive without tags or chapters, their streams copied bit for bit."""

import subprocess
from pathlib import Path

import pytest

from boss_bot.core.cleaning import Cleaner
from boss_bot.core.ffmpeg import Tools
from boss_bot.core.results import Batch
from tests.core.cleankit import ffmpeg
from tests.support.media import make_video, probe

LIMIT = 10 * 1024 * 1024
TAGS = {"title": "Our street", "comment": "shot by Jane", "location": "+48.8577+002.2950/"}
CHAPTERS = ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle=At home\n"


def _tagged(tmp_path: Path, name: str, container: str) -> Path:
    """A 2 s H.264/AAC clip in ``container`` with identifying tags, a chapter, a language."""
    clip = make_video(tmp_path / "plain.mp4")
    chapters = tmp_path / "chapters.txt"
    chapters.write_text(CHAPTERS)
    tags = [arg for key, value in TAGS.items() for arg in ("-metadata", f"{key}={value}")]
    out = tmp_path / name
    ffmpeg(
        *("-i", str(clip), "-i", str(chapters), "-map", "0", "-map_chapters", "1", "-c", "copy"),
        *(*tags, "-metadata", "creation_time=2024-05-01T12:00:00Z"),
        *("-metadata:s:a:0", "language=fra", "-f", container, str(out)),
    )
    return out


def _stream_hashes(path: Path) -> bytes:
    """A hash of every packet of the video and audio streams (mp4 chapters are a data track)."""
    return ffmpeg(
        "-i", str(path), "-map", "0:v", "-map", "0:a", "-c", "copy", "-f", "streamhash", "-"
    )


@pytest.mark.parametrize(("name", "container"), [("clip.mp4", "mp4"), ("clip.mkv", "matroska")])
async def test_a_videos_tags_are_gone_and_its_streams_identical(
    tmp_path: Path, name: str, container: str
) -> None:
    """title, comment, location, creation time and chapters go; packets and language stay."""
    clip = _tagged(tmp_path, name, container)
    before = probe(clip)
    assert TAGS.items() <= {k.lower(): v for k, v in before["format"]["tags"].items()}.items()
    hashes = _stream_hashes(clip)
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
    assert _stream_hashes(out) == hashes
    assert {s["codec_type"] for s in after["streams"]} == {"video", "audio"}
    audio = next(s for s in after["streams"] if s["codec_type"] == "audio")
    assert audio["tags"]["language"] == "fra"


async def test_a_clean_video_is_not_rewritten(tmp_path: Path) -> None:
    """A clip whose only tags are the muxer's own arrives as the same bytes."""
    clip = make_video(tmp_path / "clip.mp4")
    before = clip.read_bytes()
    [out] = (await Cleaner(Tools.find(), 60)(Batch([clip]), LIMIT)).files
    assert out.read_bytes() == before
