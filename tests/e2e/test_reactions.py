"""End to end: ⏹️ and 🔄 on status messages, against the real bot process."""

import asyncio
from pathlib import Path

from tests.support.bot_process import BotProcess, start_download
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer, _File

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 300_000


async def test_stop_and_retry_reactions(tmp_path: Path) -> None:
    """⏹️ from a stranger is ignored, from the requester cancels; 🔄 re-runs a failed job."""
    with MediaServer() as media:
        slow = media.add_route("/slow.png", _File(PNG, "image/png", 30_000).serve)
        flaky = media.add_status("/later.png", 404)
        async with DiscordStub() as stub:
            stranger = stub.add_user("stranger")
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            request, ack = await start_download(stub, slow)
            await stub.wait_for_message(lambda m: m.id == ack.id and "⏹" in "".join(m.reactions))
            await stub.add_reaction(ack.id, "⏹️", user_id=stranger)
            await stub.add_reaction(ack.id, "⏹️")
            await stub.wait_for_message(lambda m: m.id == ack.id and "cancelled" in m.content)
            assert not any(m.attachments for m in stub.messages)

            request = int((await stub.send_user_message(f"$dl {flaky}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            await stub.wait_for_message(lambda m: m.id == ack.id and "❌" in m.content, 30)
            await stub.wait_for_message(lambda m: m.id == ack.id and "🔄" in m.reactions, 10)
            media.add_file("/later.png", PNG, content_type="image/png")  # the site is back
            await stub.add_reaction(ack.id, "🔄", user_id=stranger)
            await stub.add_reaction(ack.id, "🔄")
            upload = await stub.wait_for_message(lambda m: m.reply_to == request and m.attachments)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 10)
            assert await bot.stop() == 0
    assert upload.attachments[0].data == PNG
    assert sum(1 for m in stub.messages if m.attachments) == 1


async def test_stop_while_the_status_edit_is_in_flight(tmp_path: Path) -> None:
    """⏹️ while the "downloading" edit is still unanswered: the job ends as cancelled.

    The stub holds that edit while the requester stops the job; the cancel must not
    slip past the job's handler and leave it "downloading" forever.
    """
    with MediaServer() as media:
        slow = media.add_route("/slow.png", _File(PNG, "image/png", 30_000).serve)
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            release = stub.hold_edits()
            request = int((await stub.send_user_message(f"$dl {slow}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            await stub.wait_for_event("edit_held", lambda e: e.data["message_id"] == ack.id)
            await stub.add_reaction(ack.id, "⏹️")
            await stub.wait_for_event("user_reaction")
            await asyncio.sleep(0.2)  # the bot cancels the job while its edit is held
            release.set()
            await stub.wait_for_message(lambda m: m.id == ack.id and "cancelled" in m.content, 10)
            assert await bot.stop() == 0
    assert "job cancelled" in bot.log()
    assert not any(m.attachments for m in stub.messages)


async def test_retry_reaction_after_a_restart(tmp_path: Path) -> None:
    """A job fails, the bot restarts on the same data directory: 🔄 still runs it again."""
    with MediaServer() as media:
        flaky = media.add_status("/later.png", 404)
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            request = int((await stub.send_user_message(f"$dl {flaky}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            await stub.wait_for_message(lambda m: m.id == ack.id and "🔄" in m.reactions, 30)
            assert await bot.stop() == 0
            await bot.start()
            media.add_file("/later.png", PNG, content_type="image/png")  # the site is back
            await stub.add_reaction(ack.id, "🔄")
            upload = await stub.wait_for_message(
                lambda m: m.reply_to == request and m.attachments, 30
            )
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 10)
            assert await bot.stop() == 0
    assert upload.attachments[0].data == PNG
    assert sum(1 for m in stub.messages if m.attachments) == 1
