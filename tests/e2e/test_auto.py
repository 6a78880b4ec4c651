"""End to end: a server admin turns auto-download on from Discord, in the real process.

With ``auto_download react`` the bot marks a message that carries a media link with 📥
and a member's 📥 downloads it, replying to that message; with ``on`` the next such
message is downloaded at once. A message without a media link is left alone.
"""

from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2_000


async def _setting(stub: DiscordStub, text: str) -> str:
    asked = int((await stub.send_user_message(text))["id"])
    return (await stub.wait_for_message(lambda m: m.reply_to == asked)).content


async def test_auto_download_set_from_discord_reacts_then_downloads(tmp_path: Path) -> None:
    """react: 📥 on the link's message, a member's 📥 delivers; on: delivered unasked."""
    with MediaServer() as media:
        first = media.add_file("/a.png", PNG, content_type="image/png")
        second = media.add_file("/b.png", PNG + b"\x01", content_type="image/png")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            answer = await _setting(stub, "$settings set auto_download react")
            assert answer.startswith("✅"), answer
            chat = int((await stub.send_user_message("no link in this one"))["id"])
            posted = int((await stub.send_user_message(f"look at this {first}"))["id"])
            mark = await stub.wait_for_event(
                "bot_reaction", lambda e: e.data.get("message_id") == posted, timeout=30
            )
            assert mark.data["emoji"] == "📥"
            assert media.hits("/a.png") == 0  # nothing before a member asks
            await stub.add_reaction(posted, "📥")
            files = await stub.wait_for_message(
                lambda m: bool(m.attachments) and m.reply_to == posted, timeout=60
            )
            answer = await _setting(stub, "$settings set auto_download on")
            assert answer.startswith("✅"), answer
            later = int((await stub.send_user_message(f"and {second}"))["id"])
            unasked = await stub.wait_for_message(
                lambda m: bool(m.attachments) and m.reply_to == later, timeout=60
            )
            assert await bot.stop() == 0, bot.log()[-3000:]
    assert files.id != unasked.id
    assert media.hits("/b.png") >= 1  # downloaded with nobody asking
    marked = {e.data.get("message_id") for e in stub.events_of("bot_reaction")}
    assert chat not in marked  # a message without a media link gets no 📥
