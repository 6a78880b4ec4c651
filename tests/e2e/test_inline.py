"""End to end: an HEVC video that Discord would not play inline arrives as H.264 mp4.

Real bot process, real yt-dlp and ffmpeg, the loopback media server serving the file.
"""

from pathlib import Path

import pytest

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.inline_media import has_encoder, make_hevc
from tests.support.media import probe
from tests.support.media_server import MediaServer


@pytest.mark.skipif(not has_encoder("libx265"), reason="ffmpeg without libx265")
async def test_an_hevc_clip_is_posted_as_h264_and_the_status_says_so(tmp_path: Path) -> None:
    """The posted file is H.264/AAC mp4; the status showed converting, then the note."""
    clip = make_hevc(tmp_path / "clip.mp4", seconds=3)
    with MediaServer() as media:
        url = media.add_file("/clip.mp4", clip, content_type="video/mp4")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            upload = await stub.wait_for_message(
                lambda m: m.reply_to == request and m.attachments, timeout=120
            )
            done = await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content)
            assert await bot.stop() == 0
    (attachment,) = [a for a in upload.attachments if a.filename != "poster.jpg"]  # the card's
    posted = tmp_path / "posted.mp4"
    posted.write_bytes(attachment.data)
    streams = {s["codec_type"]: s["codec_name"] for s in probe(posted)["streams"]}
    assert streams == {"video": "h264", "audio": "aac"}
    assert attachment.filename.endswith(".mp4")
    assert "from HEVC to H.264 so it plays here." in done.content
    shown = [edit.get("content", "") for edit in ack.edits]
    assert any("converting the file(s)" in text for text in shown)
