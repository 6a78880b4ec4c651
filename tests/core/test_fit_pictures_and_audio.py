"""Fitting pictures, animated GIFs and songs under the limit with the real ffmpeg."""

from pathlib import Path

import pytest

from boss_bot.core.ffmpeg import Tools
from boss_bot.core.fitting.fitter import Fitter
from tests.core.cleankit import corner_jpeg, exif_app1, red_at, rgb
from tests.support.media import _ffmpeg, probe

FITTER = Fitter(Tools.find(), 120)


@pytest.mark.slow
async def test_a_picture_is_scaled_and_recompressed(tmp_path: Path) -> None:
    """A 2000 px noisy PNG over the limit becomes a JPEG under it."""
    src = tmp_path / "photo.png"
    _ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "color=c=gray:s=2000x1500,noise=alls=60:allf=u",
        "-frames:v",
        "1",
        str(src),
    )
    assert src.stat().st_size > 500_000
    out = await FITTER.fit_one(src, 400_000)
    assert out == tmp_path / "photo.jpg"
    assert 0 < out.stat().st_size <= 400_000
    assert not src.exists()


@pytest.mark.slow
async def test_an_animated_gif_becomes_a_video(tmp_path: Path) -> None:
    """An animated GIF over the limit stays animated: it becomes an mp4."""
    src = tmp_path / "loop.gif"
    _ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=480x360:r=15,noise=alls=40:allf=t", "-t", "4", str(src)
    )
    out = await FITTER.fit_one(src, src.stat().st_size // 4)
    assert out.suffix == ".mp4"
    assert float(probe(out)["format"]["duration"]) == pytest.approx(4, abs=0.5)


async def test_an_audio_file_with_cover_art_is_not_turned_into_a_picture(tmp_path: Path) -> None:
    """Cover art is not the media: an over-limit song stays a song (left as it is)."""
    cover, song = tmp_path / "cover.png", tmp_path / "song.mp3"
    _ffmpeg("-f", "lavfi", "-i", "testsrc=s=64x64:r=1", "-frames:v", "1", str(cover))
    _ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "sine=d=2",
        "-i",
        str(cover),
        "-map",
        "0:a",
        "-map",
        "1:v",
        "-c:v",
        "png",
        "-disposition:v",
        "attached_pic",
        str(song),
    )
    assert await FITTER.fit_one(song, song.stat().st_size - 1) == song
    assert song.exists()


async def test_a_sideways_photo_is_shrunk_upright(tmp_path: Path) -> None:
    """A JPEG stored sideways (EXIF Orientation 6) is fitted upright, never scaled up."""
    src = corner_jpeg(tmp_path / "photo.jpg", exif_app1(6))
    limit = src.stat().st_size - 1
    out = await FITTER.fit_one(src, limit)
    assert out.stat().st_size <= limit  # fitted, not left as it was
    width, height, pixels = rgb(out)
    assert (width, height) == (32, 64)  # the stored 64×32 turned a quarter
    assert red_at(width, pixels, 28, 3)  # the stored top-left went to the top-right
