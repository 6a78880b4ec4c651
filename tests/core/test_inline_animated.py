"""Big animated WebP and GIF pictures become mp4 video; small ones stay pictures."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from boss_bot.core.ffmpeg import Tools
from boss_bot.core.fitting import InputBounds
from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.inline import InlineStep
from boss_bot.core.inline._animated import WORTH
from boss_bot.core.results import Batch
from tests.support.inline_media import make_animated_webp, make_gif
from tests.support.media import FFPROBE, _ffmpeg, probe

MIB = 1024 * 1024
FULL = InlineStep(Fitter(Tools.find(), 120))


@pytest.fixture(scope="module")
def webp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An animated WebP of 3 s at 10 frames a second, over a megabyte (made once)."""
    return make_animated_webp(tmp_path_factory.mktemp("webp") / "anim.webp")


def _copy(src: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(src, tmp_path / src.name))


def _frames(path: Path) -> int:
    args = [FFPROBE, "-v", "error", "-count_frames", "-select_streams", "v:0"]
    args += ["-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", str(path)]
    return int(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


async def test_a_big_animated_webp_becomes_an_mp4_of_the_same_length(
    tmp_path: Path, webp: Path
) -> None:
    """3 s at 10 frames a second: an H.264 mp4 of about 3 s and 30 frames, smaller."""
    src = _copy(webp, tmp_path)
    size = src.stat().st_size
    assert size > WORTH
    batch = await FULL(Batch([src]), 10 * MIB)
    (out,) = batch.files
    assert out == tmp_path / "anim.mp4"
    assert probe(out)["streams"][0]["codec_name"] == "h264"
    assert float(probe(out)["format"]["duration"]) == pytest.approx(3, abs=0.2)
    assert _frames(out) == pytest.approx(30, abs=2)
    assert out.stat().st_size <= size // 2
    (note,) = batch.notes
    assert note.startswith("Turned anim.webp into a video (")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anim.mp4"]


@pytest.mark.slow
async def test_an_animated_webp_over_the_limit_becomes_a_video_that_fits(
    tmp_path: Path, webp: Path
) -> None:
    """Fitting cannot shrink an animated WebP (ffmpeg 5.1 can't decode it); as a video it fits."""
    src = _copy(webp, tmp_path)
    limit = src.stat().st_size // 2
    batch = await FULL(Batch([src]), limit)
    assert batch.files[0].suffix == ".mp4"
    assert batch.files[0].stat().st_size <= limit


async def test_a_small_gif_stays_a_gif(tmp_path: Path) -> None:
    """Discord animates small GIFs itself, looping, without a tap: left as they are."""
    src = make_gif(tmp_path / "small.gif")
    data = src.read_bytes()
    batch = await FULL(Batch([src]), 10 * MIB)
    assert batch.files == [src]
    assert src.read_bytes() == data
    assert batch.notes == ()


async def test_a_big_gif_becomes_an_mp4(tmp_path: Path) -> None:
    """Over a megabyte, a GIF is a video in disguise: mp4, at most half its size."""
    src = tmp_path / "big.gif"
    noise = "testsrc2=s=320x240:r=10,noise=alls=20:allf=t:all_seed=3"
    _ffmpeg("-f", "lavfi", "-i", noise, "-t", "4", str(src))
    size = src.stat().st_size
    assert size > WORTH
    batch = await FULL(Batch([src]), 10 * MIB)
    assert batch.files == [tmp_path / "big.mp4"]
    assert batch.files[0].stat().st_size <= size // 2
    assert float(probe(batch.files[0])["format"]["duration"]) == pytest.approx(4, abs=0.3)


async def test_the_decoder_refuses_too_many_pixels_before_decoding(
    tmp_path: Path, webp: Path
) -> None:
    """Over the bounds, the child exits 3 and the picture is posted as it came."""
    src = _copy(webp, tmp_path)
    child = [sys.executable, "-m", "boss_bot.core.media.webp_frames", str(src)]
    out = tmp_path / "frames.apng"
    done = subprocess.run(
        [*child, str(out), "1000", "100", str(10**9)], capture_output=True, check=False
    )
    assert done.returncode == 3
    assert not out.exists()
    tight = InlineStep(Fitter(Tools.find(), 120, InputBounds(megapixels=0.1)))
    batch = await tight(Batch([src]), 10 * MIB)
    assert batch.files == [src]
    assert batch.notes == ()
