"""End to end: slash commands and the "Download media" message command.

The real bot process registers its commands with the stub, which then delivers
INTERACTION_CREATE like Discord and takes the responses on its interaction routes.
"""

from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 5_000


async def test_slash_commands_are_synced_and_download(tmp_path: Path) -> None:
    """With SYNC_COMMANDS the commands reach Discord; ``/dl`` then works like ``$dl``."""
    with MediaServer() as media:
        url = media.add_file("/pic.png", PNG, content_type="image/png")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", SYNC_COMMANDS="true")
            await bot.start()
            token = await stub.slash("dl", url=url)
            ack = await stub.wait_for_response(token)
            upload = await stub.wait_for_message(lambda m: m.reply_to == ack.id and m.attachments)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content)
            assert await bot.stop() == 0
    synced = {(c["name"], c["type"]) for c in stub.commands["global"]}
    assert synced == {
        ("dl", 1),
        ("dlt", 1),
        ("dlr", 1),
        ("dlq", 1),
        ("dlc", 1),
        ("dlh", 1),
        ("dls", 1),
        ("settings", 1),
        ("health", 1),
        ("stats", 1),
        ("find", 1),
        ("ask", 1),
        ("forget", 1),
        ("Download media", 3),
    }
    assert ack.edits[0]["content"].startswith("📥 Job `")  # replaced "thinking…"
    assert upload.attachments[0].data == PNG


async def test_slash_errors_and_help_answer_the_interaction(tmp_path: Path) -> None:
    """Bad input and ``/dlh`` answer in the interaction, with ``/`` in the usage."""
    async with DiscordStub() as stub:
        bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
        await bot.start()
        wrong_site = await stub.slash("dlr", url="https://example.com/video.mp4")
        assert (await stub.wait_for_response(wrong_site)).content.startswith(
            "⚠️ `/dlr` is for Reddit links"
        )
        help_dlt = await stub.slash("dlh", command="dlt")
        text = (await stub.wait_for_response(help_dlt)).content
        assert "Usage: `/dlt <url> [<url>…] [low|normal|high] [force]`" in text
        assert await bot.stop() == 0
    assert "Traceback" not in bot.log()


async def test_download_media_replies_to_the_chosen_message(tmp_path: Path) -> None:
    """Right-click → Download media: the first link is fetched, the files reply to that message."""
    with MediaServer() as media:
        url = media.add_file("/pic.png", PNG, content_type="image/png")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            post = await stub.send_user_message(f"look at this (<{url}>), isn't it nice")
            chatter = await stub.send_user_message("no links here")
            token = await stub.message_command("Download media", int(post["id"]))
            ack = await stub.wait_for_response(token)
            upload = await stub.wait_for_message(
                lambda m: m.reply_to == int(post["id"]) and m.attachments
            )
            none = await stub.message_command("Download media", int(chatter["id"]))
            refused = await stub.wait_for_response(none)
            assert await bot.stop() == 0
    assert ack.edits[0]["content"].startswith("📥 Job `")
    assert upload.attachments[0].data == PNG
    assert refused.content == "⚠️ That message has no link I could download."


async def test_no_attach_files_and_stale_commands_get_clear_answers(tmp_path: Path) -> None:
    """Without Attach Files the bot refuses up front; a command it no longer has is answered."""
    async with DiscordStub() as stub:
        stub.state.everyone_permissions &= ~(1 << 15)  # Attach Files
        bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
        await bot.start()
        refused = await stub.wait_for_response(await stub.slash("dl", url="https://e.test/a.mp4"))
        request = int((await stub.send_user_message("$dl https://e.test/a.mp4"))["id"])
        typed = await stub.wait_for_message(lambda m: m.reply_to == request)
        stale = await stub.wait_for_response(await stub.slash("download_old"))
        assert await bot.stop() == 0
    expected = "⚠️ I can't post files in this channel: I need Attach Files here."
    assert refused.content.startswith(expected)
    assert typed.content.startswith(expected)
    assert stale.content == "That command is not available any more. `/dlh` lists the current ones."
