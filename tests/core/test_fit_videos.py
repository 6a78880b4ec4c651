"""Fitting videos under the upload limit with the real ffmpeg and ffprobe."""

from pathlib import Path

import pytest

from boss_bot.core.ffmpeg import Tools
from boss_bot.core.fitting import plan_video
from boss_bot.core.fitting.fitter import Fitter
from tests.support.media import _ffmpeg, make_big_clip, make_video, probe

MIB = 1024 * 1024
FITTER = Fitter(Tools.find(), 120)


def _streams(path: Path) -> dict[str, dict]:
    return {s["codec_type"]: s for s in probe(path)["streams"]}


@pytest.mark.slow
async def test_a_video_over_10_mib_is_reencoded_under_it(tmp_path: Path) -> None:
    """12+ MB of 720p: H.264/AAC mp4, same length, faststart, under 10 MiB, same name."""
    src = tmp_path / "clip.mp4"
    make_big_clip(src)
    assert src.stat().st_size > 10 * MIB
    out = await FITTER.fit_one(src, 10 * MIB)
    assert out == tmp_path / "clip.mp4"
    assert out.stat().st_size <= 10 * MIB
    streams, info = _streams(out), probe(out)
    assert streams["video"]["codec_name"] == "h264"
    assert streams["audio"]["codec_name"] == "aac"
    assert float(info["format"]["duration"]) == pytest.approx(20, abs=0.5)
    head = out.read_bytes()[:200_000]
    assert 0 <= head.find(b"moov") < max(head.find(b"mdat"), 1)  # faststart: index first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.mp4"]


@pytest.mark.slow
async def test_a_tight_limit_lowers_the_resolution(tmp_path: Path) -> None:
    """A long clip for a small limit comes out smaller in both bytes and height."""
    src = make_video(tmp_path / "long.mp4", seconds=20, size="1280x720", video_bitrate="1000k")
    out = await FITTER.fit_one(src, MIB)
    assert out.stat().st_size <= MIB
    assert _streams(out)["video"]["height"] <= 360


@pytest.mark.parametrize(
    ("seconds", "limit", "height"),
    [(30, 10 * MIB, 1080), (120, 10 * MIB, 480), (400, 10 * MIB, 240), (60, 50 * MIB, 1080)],
)
def test_the_resolution_follows_the_bitrate(seconds: float, limit: int, height: int) -> None:
    """Longer clips or smaller limits step down the ladder; the bitrates fill the limit."""
    plan = plan_video(seconds, limit, 1080)
    assert plan.side == height
    assert (plan.video_bps + plan.audio_bps) * seconds / 8 <= limit
    assert plan_video(seconds, limit, 1080, step=1).side <= height
    assert plan_video(seconds, limit, 360).side <= 360
    assert plan_video(seconds, limit, 1080, audio=False).audio_bps == 0


@pytest.mark.parametrize("size", ["299x169", "360x640"])
@pytest.mark.slow
async def test_odd_and_portrait_sizes_encode(tmp_path: Path, size: str) -> None:
    """An odd-sized GIF and a portrait clip both come out even-sized, portrait kept tall.

    Noise (seeded: the same clip every run) is what x264 overshoots on short clips: at
    299x169 this one came out over the limit at the first try and at a fixed 15 % lower.
    """
    src = tmp_path / "clip.gif"
    noise = f"testsrc2=s={size}:r=15,noise=alls=40:allf=t:all_seed=27"
    _ffmpeg("-f", "lavfi", "-i", noise, "-t", "3", str(src))
    out = await FITTER.fit_one(src, src.stat().st_size // 3)
    video = _streams(out)["video"]
    assert out.suffix == ".mp4"
    assert video["width"] % 2 == video["height"] % 2 == 0
    width, height = (int(n) for n in size.split("x"))
    assert (video["width"] < video["height"]) == (width < height)
