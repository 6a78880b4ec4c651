"""Video and audio arrive without tags or chapters, their streams copied bit for bit."""

import subprocess
from pathlib import Path

import pytest

from boss_bot.core.cleaning import Cleaner
from boss_bot.core.ffmpeg import Tools
from boss_bot.core.results import Batch
from tests.core.cleankit import TAGS, stream_hashes, tagged_video
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
