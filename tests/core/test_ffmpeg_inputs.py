"""Inputs that name further inputs never make ffmpeg read another file.

Each test hands the fitter a file over the limit whose content (or name) points at a
"secret" video or picture beside it; the secret's picture must never come out.
"""

from pathlib import Path

import pytest

from boss_bot.core.ffmpeg import Tools, input_args, probe
from boss_bot.core.ffmpeg._inputs import allowed_format
from boss_bot.core.fitting.fitter import Fitter
from tests.support.media import _ffmpeg
from tests.support.media import probe as ffprobe

FITTER = Fitter(Tools.find(), 60)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A 176x144 clip that stands for a file on the bot's disk."""
    path = tmp_path / "home" / "holiday.mp4"
    path.parent.mkdir()
    _ffmpeg("-f", "lavfi", "-i", "testsrc=s=176x144:r=10", "-t", "3", str(path))
    return path


@pytest.mark.parametrize(
    "text",
    [
        "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:3,\n{secret}\n#EXT-X-ENDLIST\n",
        "ffconcat version 1.0\nfile 'home/holiday.mp4'\nduration 3\n",  # safe=1: relative
    ],
)
@pytest.mark.parametrize("name", ["clip.mp4", "pic.jpg", "list.m3u8"])
async def test_playlists_and_concat_lists_are_not_fitted(
    tmp_path: Path, secret: Path, text: str, name: str
) -> None:
    """Over the limit but not a container: left as it is (and sort-out drops it)."""
    src = tmp_path / name
    src.write_text(text.format(secret=secret) + ("#" * 99 + "\n") * 1200)  # 120 KB
    assert await FITTER.fit_one(src, 60_000) == src
    assert src.read_text().startswith(text[:7])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["home", name])


async def test_a_playlist_forced_as_mov_is_refused_by_ffprobe(tmp_path: Path, secret: Path) -> None:
    """Even handed to ffprobe as mov, a playlist fails instead of reading its segments."""
    src = tmp_path / "clip.mp4"
    src.write_text(f"#EXTM3U\n#EXTINF:3,\n{secret}\n#EXT-X-ENDLIST\n")
    assert await probe(Tools.find(), src, "mov") is None


@pytest.mark.slow
async def test_an_image2_pattern_in_the_name_reads_only_that_file(tmp_path: Path) -> None:
    """``a%d.png`` is fitted from itself, never from ``a1.png`` beside it (image2's pattern)."""
    src, sibling = tmp_path / "a%d.png", tmp_path / "a1.png"
    wide, tall = "color=c=gray:s=1600x400,noise=alls=60:allf=u", "testsrc=s=300x900"
    _ffmpeg("-f", "lavfi", "-i", wide, "-frames:v", "1", str(sibling))
    src.write_bytes(sibling.read_bytes())
    _ffmpeg("-f", "lavfi", "-i", tall, "-frames:v", "1", "-update", "1", str(sibling))
    out = await FITTER.fit_one(src, src.stat().st_size // 2)
    assert out == tmp_path / "a%d.jpg"
    check = tmp_path / "check.jpg"
    check.write_bytes(out.read_bytes())
    (video,) = ffprobe(check)["streams"]
    assert video["width"] > video["height"]  # the wide original, not the tall sibling
    assert sibling.exists()


def test_only_the_sniffed_demuxers_can_be_asked_for(tmp_path: Path) -> None:
    """lavfi, concat, hls, image2 or tee are never put in front of an input."""
    for demuxer in ("lavfi", "concat", "hls", "image2", "tee", "mov,hls"):
        with pytest.raises(ValueError, match="not allowed"):
            input_args(demuxer, tmp_path / "x")
    args = input_args("mov", tmp_path / "concat:x|y.mp4")
    assert args[-1] == f"file:{tmp_path / 'concat:x|y.mp4'}"
    assert args[args.index("-protocol_whitelist") + 1] == "file"


def test_a_probed_format_outside_the_list_is_not_allowed() -> None:
    """Ffprobe's format_name is checked: hls, concat or image2 are never fitted."""
    assert allowed_format("mov,mp4,m4a,3gp,3g2,mj2")
    assert allowed_format("matroska,webm")
    for name in ("hls", "concat", "image2", "lavfi", "tee", ""):
        assert not allowed_format(name)
