"""The caption card's poster: one small frame of the delivered video, taken by ffmpeg."""

import subprocess
from pathlib import Path

from boss_bot.core.card import Card
from boss_bot.core.ffmpeg import Tools
from boss_bot.core.media.files import media_files
from boss_bot.core.posters import CardStep, take_poster
from boss_bot.core.results import Batch
from tests.support.media import FFMPEG, make_image, make_video, probe

TOOLS = Tools.find()
LIMIT = 10 * 1024 * 1024


def _tagged_video(path: Path) -> Path:
    """A 10 s 640x360 video whose first 10 % is black and the rest white, with a title tag."""
    lavfi = "color=black:s=640x360:d=1[a];color=white:s=640x360:d=9[b];[a][b]concat"
    args = [FFMPEG, "-v", "error", "-y", "-f", "lavfi", "-i", lavfi, "-c:v", "libx264"]
    meta = ["-metadata", "title=secret title", "-metadata", "location=+48.8+002.3/"]
    subprocess.run([*args, "-pix_fmt", "yuv420p", *meta, str(path)], check=True, timeout=120)
    return path


async def test_the_poster_is_a_small_jpeg_from_10_percent_without_metadata(tmp_path: Path) -> None:
    """At 10 % of a 10 s video (1 s, where black turns white), ≤ 480 px wide, no tags."""
    video = _tagged_video(tmp_path / "clip.mp4")
    taken = await take_poster(TOOLS, video)
    assert taken is not None
    poster, seconds = taken
    assert seconds == 10.0
    assert poster.name.startswith(".")
    assert poster.read_bytes()[:3] == b"\xff\xd8\xff"
    assert poster.stat().st_size < 50_000
    info = probe(poster)
    stream = info["streams"][0]
    assert (stream["width"], stream["height"]) == (480, 270)
    assert "secret" not in poster.read_bytes().decode("latin-1")
    assert not info["format"].get("tags")
    gray = subprocess.run(
        [
            FFMPEG,
            "-v",
            "error",
            "-i",
            str(poster),
            "-vf",
            "scale=1:1",
            "-f",
            "rawvideo",
            "-pix_fmt",
            "gray",
            "-",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout
    assert gray[0] > 200  # white: the frame after the first second, not the black start
    assert media_files(tmp_path) == [video]  # the poster is never taken for media


async def test_the_step_adds_a_poster_only_when_the_site_gave_no_thumbnail(tmp_path: Path) -> None:
    """No thumbnail: poster of the first video; a thumbnail, a picture, or no card: none."""
    picture, video = make_image(tmp_path / "a.png"), make_video(tmp_path / "b.mp4")
    step = CardStep(TOOLS)
    batch = await step(Batch([picture, video], card=Card(title="t")), LIMIT)
    assert batch.card is not None
    assert batch.card.poster == tmp_path / ".poster.jpg"
    assert batch.card.duration == 2.0  # the file's, as the card had none
    thumbnailed = Card(title="t", thumbnail_url="https://cdn.example/t.jpg")
    assert (await step(Batch([video], card=thumbnailed), LIMIT)).card == thumbnailed
    assert (await step(Batch([picture], card=Card(title="t")), LIMIT)).card == Card(title="t")
    assert (await step(Batch([video]), LIMIT)).card is None


async def test_with_the_card_off_the_step_hides_it(tmp_path: Path) -> None:
    """``CAPTION_CARD=false``: the card is not shown (search still reads it), no frame taken."""
    video = make_video(tmp_path / "b.mp4")
    batch = await CardStep(TOOLS, enabled=False)(Batch([video], card=Card(title="t")), LIMIT)
    assert batch.card == Card(title="t", shown=False)
    assert not (tmp_path / ".poster.jpg").exists()
