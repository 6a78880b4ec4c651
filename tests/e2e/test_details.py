"""End to end: ℹ️ on a status message, against the real bot process."""

from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


async def test_info_reaction_replies_with_the_jobs_details(tmp_path: Path) -> None:
    """A stranger's ℹ️ gets a reply to the status message with the details, mentioning nobody."""
    with MediaServer() as media:
        url = media.add_file("/pic.png", PNG, content_type="image/png")
        async with DiscordStub() as stub:
            stranger = stub.add_user("stranger")
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 30)
            await stub.wait_for_message(lambda m: m.id == ack.id and "ℹ️" in m.reactions, 10)
            await stub.add_reaction(ack.id, "ℹ️", user_id=stranger)
            info = await stub.wait_for_message(lambda m: m.reply_to == ack.id, 10)
            assert await bot.stop() == 0
    lines = info.content.splitlines()
    assert lines[0].startswith("ℹ️ Job `")
    assert lines[0].endswith("· completed")
    assert lines[1] == f"Source: <{url}>"
    assert lines[2].endswith("· downloader: gallery-dl · attempts: 1")
    assert lines[2].startswith("Asked by <@")
    assert lines[3] == "Size: 10.0 KB downloaded → 10.0 KB delivered · formats: PNG picture"
    assert "→ finished <t:" in lines[4]
    assert info.allowed_mentions["parse"] == []
