"""End to end: what the real bot process posts carries no GPS, no tags, no chapters.

Real bot process, real gallery-dl/yt-dlp and ffmpeg; the loopback media server serves a
JPEG with GPS and Orientation tags and an mp4 with a title, comment and location.
"""

from pathlib import Path

from tests.core.cleankit import TAGS, corner_jpeg, exif_app1, rgb, stream_hashes, tagged_video
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media import probe
from tests.support.media_server import MediaServer


async def test_a_photo_and_a_video_arrive_clean(tmp_path: Path) -> None:
    """The photo has no EXIF and stands upright; the video has no tags, the same packets."""
    photo = corner_jpeg(tmp_path / "photo.jpg", exif_app1(6))
    clip = tagged_video(tmp_path, "clip.mp4", "mp4")
    posted: list[bytes] = []
    with MediaServer() as media:
        links = [
            media.add_file("/photo.jpg", photo, content_type="image/jpeg"),
            media.add_file("/clip.mp4", clip, content_type="video/mp4"),
        ]
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            for link in links:
                request = int((await stub.send_user_message(f"$dl {link}"))["id"])
                upload = await stub.wait_for_message(
                    lambda m, r=request: m.reply_to == r and m.attachments, timeout=60
                )
                posted.append(upload.attachments[0].data)
            assert await bot.stop() == 0
    (tmp_path / "posted.jpg").write_bytes(posted[0])
    (tmp_path / "posted.mp4").write_bytes(posted[1])
    assert b"Exif" not in posted[0]
    assert rgb(tmp_path / "posted.jpg")[:2] == (32, 64)
    tags = {key.lower() for key in probe(tmp_path / "posted.mp4")["format"].get("tags", {})}
    assert not tags & set(TAGS)
    assert stream_hashes(tmp_path / "posted.mp4") == stream_hashes(clip)
