"""End to end: a downloaded page is found by its title and by what is said in its video.

Real bot process, real yt-dlp (the generic extractor reads the page's ``<title>`` and its
``<track kind=subtitles>``), the Discord stub with two servers, and a loopback
OpenAI-compatible chat endpoint for ``$ask``.
"""

import re
from pathlib import Path

import pytest

from tests.support.bot_process import BotProcess
from tests.support.chat_server import ChatServer
from tests.support.discord_stub import DiscordStub, StubMessage
from tests.support.media import make_video
from tests.support.media_server import MediaServer
from tests.support.search_page import TITLE, VTT, page


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2 s H.264/AAC mp4."""
    return make_video(tmp_path_factory.mktemp("search") / "clip.mp4", seconds=2)


async def _say(stub: DiscordStub, text: str, channel: int | None = None) -> StubMessage:
    """Send ``text`` and wait for the bot's first answer to it."""
    request = int((await stub.send_user_message(text, channel_id=channel))["id"])
    return await stub.wait_for_message(lambda m: m.reply_to == request)


async def _download(stub: DiscordStub, url: str) -> tuple[str, StubMessage]:
    """``$dlt url``; wait for the reply with the files and the ✅; the job id and the files."""
    request = int((await stub.send_user_message(f"$dlt {url}"))["id"])
    ack = await stub.wait_for_message(lambda m: m.reply_to == request)
    files = await stub.wait_for_message(
        lambda m: m.reply_to == request and bool(m.attachments), timeout=60
    )
    await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content)
    job = re.search(r"Job `([0-9a-f]+)`", ack.content)
    assert job is not None, ack.content
    return job.group(1), files


async def test_find_ask_and_forget(tmp_path: Path, clip: Path) -> None:
    """Title word, subtitle phrase with its moment, another server, $ask cited, $forget."""
    with MediaServer() as media:
        video = media.add_file("/media/clip.mp4", clip, content_type="video/mp4")
        subs = media.add_file("/media/subs.vtt", VTT.encode(), "text/vtt")
        url = media.add_html("/watch/humber.html", page(video, subs))
        async with DiscordStub() as stub, ChatServer("They spun the cables in place [1].") as chat:
            _other_guild, other_channel = stub.add_guild()
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", LLM_URL=chat.url)
            await bot.start()
            assert "search" in (await _say(stub, "$settings set search on")).content
            _, files = await _download(stub, url)
            jump = f"/{stub.channel_id}/{files.id}"

            by_title = (await _say(stub, "$find humber")).content
            assert TITLE in by_title
            assert jump in by_title
            by_speech = (await _say(stub, "$find cables spun over the water")).content
            assert "at 1:10" in by_speech
            assert "#t=70" in by_speech
            assert jump in by_speech
            assert "**cables**" in by_speech

            assert "search" in (await _say(stub, "$settings set search on", other_channel)).content
            elsewhere = (await _say(stub, "$find humber", other_channel)).content
            assert "Nothing shared here" in elsewhere
            assert TITLE not in elsewhere

            asked = (await _say(stub, "$ask how were the cables made?")).content
            assert "They spun the cables in place [1]." in asked
            assert jump in asked
            prompt = str(chat.requests[0]["messages"])
            assert "wire by wire" in prompt

            gone = await _say(stub, f"$forget https://discord.com/channels/{stub.guild_id}{jump}")
            assert "Forgotten" in gone.content
            assert "Nothing shared here" in (await _say(stub, "$find humber")).content
            assert await bot.stop() == 0


async def test_without_a_model_ask_shows_the_passages(tmp_path: Path, clip: Path) -> None:
    """No ``LLM_URL``: ``$ask`` shows the best passages, cited; ``/find`` is private; forget."""
    with MediaServer() as media:
        video = media.add_file("/media/clip.mp4", clip, content_type="video/mp4")
        subs = media.add_file("/media/subs.vtt", VTT.encode(), "text/vtt")
        url = media.add_html("/watch/humber.html", page(video, subs))
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", SYNC_COMMANDS="true")
            await bot.start()
            off = (await _say(stub, "$find humber")).content
            assert "Search is off in this server" in off
            await _say(stub, "$settings set search on")
            job, files = await _download(stub, url)
            asked = (await _say(stub, "$ask what came by barge?")).content
            assert "caissons" in asked
            assert "[1]" in asked
            assert f"/{stub.channel_id}/{files.id}" in asked
            alone = await stub.wait_for_response(await stub.slash("find", words="humber"))
            assert TITLE in alone.content
            assert alone.flags & 64  # ephemeral: only the asker sees it
            forgotten = (await _say(stub, f"$forget {job}")).content
            assert "Forgotten" in forgotten
            assert await bot.stop() == 0
