"""Files made to play inline in Discord, with the real ffmpeg: remuxed, re-encoded, kept."""

from collections.abc import Callable
from pathlib import Path

import pytest

from boss_bot.core.ffmpeg import Tools
from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.inline import InlineStep, inline_steps
from boss_bot.core.results import Batch
from boss_bot.settings import BotSettings
from tests.support.inline_media import has_encoder, make_clip, make_hevc, stream_hashes
from tests.support.media import make_video, probe

MIB = 1024 * 1024
FITTER = Fitter(Tools.find(), 120)
FULL, REMUX = InlineStep(FITTER), InlineStep(FITTER, encode=False)
needs_x265 = pytest.mark.skipif(not has_encoder("libx265"), reason="ffmpeg without libx265")


def _codecs(path: Path) -> dict[str, str]:
    return {s["codec_type"]: s["codec_name"] for s in probe(path)["streams"]}


@needs_x265
async def test_hevc_becomes_h264_mp4_under_the_limit_with_a_note(tmp_path: Path) -> None:
    """An HEVC/AAC mp4 comes out H.264/AAC mp4 of the same length, within the limit."""
    src = make_hevc(tmp_path / "clip.mp4", seconds=3)
    batch = await FULL(Batch([src], notes=("earlier note",)), 10 * MIB)
    (out,) = batch.files
    assert out == tmp_path / "clip.mp4"
    assert _codecs(out) == {"video": "h264", "audio": "aac"}
    assert out.stat().st_size <= 10 * MIB
    assert float(probe(out)["format"]["duration"]) == pytest.approx(3, abs=0.3)
    assert batch.notes == (
        "earlier note",
        "Converted clip.mp4 from HEVC to H.264 so it plays here.",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.mp4"]


async def test_h264_aac_in_matroska_is_remuxed_into_mp4_bit_for_bit(tmp_path: Path) -> None:
    """The streams are copied, not re-encoded: their hashes are the source's."""
    src = make_clip(tmp_path / "clip.mkv", "libx264", "aac")
    before = stream_hashes(src)
    batch = await FULL(Batch([src]), 10 * MIB)
    assert batch.files == [tmp_path / "clip.mp4"]
    assert probe(batch.files[0])["format"]["format_name"].startswith("mov,mp4")
    assert stream_hashes(batch.files[0]) == before
    assert batch.notes == ("Moved clip.mkv into an mp4 so it plays here.",)
    head = batch.files[0].read_bytes()[:100_000]
    assert 0 <= head.find(b"moov") < head.find(b"mdat")  # faststart: the index first
    assert not src.exists()


async def test_vp9_opus_in_matroska_is_remuxed_into_webm(tmp_path: Path) -> None:
    """VP9/Opus in an .mkv goes into a .webm, streams unchanged; remux mode does it too."""
    src = make_clip(tmp_path / "clip.mkv", "libvpx-vp9", "libopus", 1, "-deadline", "realtime")
    before = stream_hashes(src)
    batch = await REMUX(Batch([src]), 10 * MIB)
    assert batch.files == [tmp_path / "clip.webm"]
    assert batch.files[0].read_bytes()[:64].find(b"\x42\x82\x84webm") > 0  # DocType webm
    assert stream_hashes(batch.files[0]) == before
    assert batch.notes == ("Moved clip.mkv into a WebM file so it plays here.",)


@needs_x265
async def test_remux_mode_leaves_hevc_as_it_came(tmp_path: Path) -> None:
    """``remux`` copies streams only: HEVC would need an encode, so it is left, unsaid."""
    src = make_hevc(tmp_path / "clip.mp4")
    data = src.read_bytes()
    batch = await REMUX(Batch([src]), 10 * MIB)
    assert batch.files == [src]
    assert src.read_bytes() == data
    assert batch.notes == ()


async def test_what_plays_is_left_alone(tmp_path: Path) -> None:
    """H.264/AAC mp4 is not touched (no re-encode, no remux, no note)."""
    src = make_video(tmp_path / "clip.mp4")
    data = src.read_bytes()
    batch = await FULL(Batch([src]), 10 * MIB)
    assert batch.files == [src]
    assert src.read_bytes() == data
    assert batch.notes == ()


async def test_a_remux_that_would_pass_the_limit_keeps_the_original(tmp_path: Path) -> None:
    """mp4 is a little larger than Matroska: at a limit of the mkv's size, it stays mkv."""
    src = make_clip(tmp_path / "clip.mkv", "libx264", "aac")
    data = src.read_bytes()
    batch = await FULL(Batch([src]), len(data))
    assert batch.files == [src]
    assert src.read_bytes() == data
    assert batch.notes == ()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.mkv"]


def test_off_means_no_step_and_the_other_modes_one(
    make_settings: Callable[..., BotSettings],
) -> None:
    """``INLINE_VIDEO=off`` adds no step; ``remux`` and ``full`` add one, encoding or not."""
    assert inline_steps(make_settings(inline_video="off").inline_video, FITTER) == []
    (remux,) = inline_steps("remux", FITTER)
    (full,) = inline_steps("full", FITTER)
    assert remux == REMUX
    assert full == FULL


async def test_h264_with_opus_gets_aac_sound_and_keeps_its_picture(tmp_path: Path) -> None:
    """yt-dlp merges H.264 with Opus into mp4: the sound is re-encoded, the picture copied."""
    src = make_clip(tmp_path / "clip.mp4", "libx264", "libopus")
    picture = stream_hashes(src)[0]
    assert await REMUX(Batch([src]), 10 * MIB) == Batch([src])  # a re-encode: full only
    batch = await FULL(Batch([src]), 10 * MIB)
    assert batch.files == [src]
    assert _codecs(src) == {"video": "h264", "audio": "aac"}
    assert stream_hashes(src)[0] == picture
    assert batch.notes == ("Converted the sound of clip.mp4 from Opus to AAC so it plays here.",)


async def test_a_remuxed_file_does_not_take_another_files_name(tmp_path: Path) -> None:
    """clip.mkv beside a clip.mp4 of the same job becomes clip-1.mp4; the order is kept."""
    mkv = make_clip(tmp_path / "clip.mkv", "libx264", "aac")
    mp4 = make_video(tmp_path / "clip.mp4")
    batch = await FULL(Batch([mkv, mp4]), 10 * MIB)
    assert batch.files == [tmp_path / "clip-1.mp4", mp4]
    assert _codecs(batch.files[0]) == {"video": "h264", "audio": "aac"}
