"""End to end: the reply with the files carries the caption card, or none when it is off.

Real bot process, real yt-dlp (generic extractor, a direct mp4 link: its title is the
file's name, and it gives no thumbnail) and ffmpeg (the poster frame), the Discord stub
(which checks embeds as Discord does: lengths, links, ``attachment://`` names).
"""

from pathlib import Path

import pytest

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub, StubMessage
from tests.support.media import make_video
from tests.support.media_server import MediaServer


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 4 s H.264/AAC mp4."""
    return make_video(tmp_path_factory.mktemp("card") / "clip.mp4", seconds=4)


async def _files_reply(tmp_path: Path, clip: Path, **env: str) -> tuple[StubMessage, str]:
    with MediaServer() as media:
        url = media.add_file("/media/clip.mp4", clip, content_type="video/mp4")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", **env)
            await bot.start()
            request = int((await stub.send_user_message(f"$dlt {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            reply = await stub.wait_for_message(
                lambda m: m.reply_to == request and bool(m.attachments), timeout=60
            )
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content)
            assert await bot.stop() == 0
    return reply, url


async def test_the_files_arrive_with_a_card_and_its_poster(tmp_path: Path, clip: Path) -> None:
    """One embed: the title, the source link and the poster frame attached beside the file."""
    reply, url = await _files_reply(tmp_path, clip)
    assert len(reply.embeds) == 1
    embed = reply.embeds[0]
    assert (embed["title"], embed["url"]) == ("clip", url)
    assert {"name": "Duration", "value": "0:04", "inline": True} in embed["fields"]
    assert embed["thumbnail"]["url"] == "attachment://poster.jpg"
    names = {attachment.filename: attachment.data for attachment in reply.attachments}
    assert names["clip.mp4"] == clip.read_bytes()
    assert names["poster.jpg"][:3] == b"\xff\xd8\xff"
    assert len(names) == 2


async def test_with_the_card_off_only_the_file_arrives(tmp_path: Path, clip: Path) -> None:
    """``BOSS_BOT_CAPTION_CARD=false``: no embed and no poster."""
    reply, _ = await _files_reply(tmp_path, clip, CAPTION_CARD="false")
    assert reply.embeds == []
    assert [attachment.filename for attachment in reply.attachments] == ["clip.mp4"]
