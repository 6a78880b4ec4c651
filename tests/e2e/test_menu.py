"""End to end: the "Download media" message command obeys the same limits as $dl."""

from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 1_000


async def test_download_media_respects_the_channel_allow_list(tmp_path: Path) -> None:
    """The message command obeys ALLOWED_CHANNEL_IDS like the typed commands."""
    async with DiscordStub() as stub:
        member = stub.add_user("bea")
        bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", ALLOWED_CHANNEL_IDS="42")
        await bot.start()
        post = await stub.send_user_message("https://e.test/a.mp4", user_id=member)
        token = await stub.message_command("Download media", int(post["id"]), user_id=member)
        refused = await stub.wait_for_response(token)
        assert await bot.stop() == 0
    assert refused.content == "⚠️ I only take commands in <#42>."


async def test_download_media_shares_the_download_budget(tmp_path: Path) -> None:
    """DOWNLOADS_PER_MINUTE=1: after one ``$dl``, the message command within the minute waits."""
    with MediaServer() as media:
        url = media.add_file("/a.png", PNG, content_type="image/png")
        other = media.add_file("/b.png", PNG, content_type="image/png")  # not a repeat
        async with DiscordStub() as stub:
            member = stub.add_user("bea")
            bot = BotProcess(
                stub, tmp_path / "data", tmp_path / "bot.log", DOWNLOADS_PER_MINUTE="1"
            )
            await bot.start()
            typed = int((await stub.send_user_message(f"$dl {url}", user_id=member))["id"])
            accepted = await stub.wait_for_message(lambda m: m.reply_to == typed)
            post = int((await stub.send_user_message(other, user_id=member))["id"])
            menu = await stub.message_command("Download media", post, user_id=member)
            slowed = await stub.wait_for_response(menu)
            assert await bot.stop() == 0
    assert accepted.content.startswith("📥 Job")
    assert slowed.content.startswith("⏳ Slow down: try again in ")
