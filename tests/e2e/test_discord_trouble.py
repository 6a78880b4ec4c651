"""End to end: Discord misbehaving mid-job never loses the job.

429s and 5xx answers on uploads and edits, and a dropped gateway during a
download: the real bot process still delivers exactly one file and ends ✅.
"""

from pathlib import Path

import pytest

from tests.support.bot_process import BotProcess, start_download
from tests.support.discord_stub import DiscordStub, StubMessage
from tests.support.media_server import MediaServer, _File

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200_000


@pytest.mark.parametrize("status", [429, 502])
async def test_rate_limits_and_server_errors_are_retried(tmp_path: Path, status: int) -> None:
    """The first upload and the first two edits fail with ``status``; all are retried."""
    with MediaServer() as media:
        url = media.add_file("/pic.png", PNG, content_type="image/png")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            stub.fail_next_uploads(1, status=status)
            stub.fail_next_edits(2, status=status)
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            upload = await stub.wait_for_message(lambda m: m.reply_to == request and m.attachments)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content)
            assert await bot.stop() == 0
        rejected = stub.events_of("upload_rejected") + stub.events_of("edit_rejected")
    assert len(rejected) == 3
    assert upload.attachments[0].data == PNG
    assert sum(1 for m in stub.messages if m.attachments) == 1


async def test_a_final_edit_refused_beyond_discordpy_retries_lands(tmp_path: Path) -> None:
    """The ✅ edit meets 7 429s (discord.py tries 5 times): it lands later; ⏹️ goes anyway."""
    with MediaServer() as media:
        url = media.add_file("/pic.png", PNG, content_type="image/png")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            stub.fail_next_edits(7, status=429, containing="✅")
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            await stub.wait_for_message(lambda m: m.reply_to == request and m.attachments)

            def settled(m: StubMessage) -> bool:
                stop = any("⏹" in r for r in m.reactions)
                return m.id == ack.id and m.content.startswith("✅") and not stop

            done = await stub.wait_for_message(settled, 30)
            assert await bot.stop() == 0
    assert len(stub.events_of("edit_rejected")) == 7
    assert done.content.startswith("✅")


async def test_a_dropped_gateway_mid_download_resumes_and_delivers(tmp_path: Path) -> None:
    """The gateway closes (4000) while a slow download runs; the bot resumes and posts once."""
    with MediaServer() as media:
        url = media.add_route("/slow.png", _File(PNG, "image/png", 100_000).serve)
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            request, ack = await start_download(stub, url)
            await stub.drop_connections(4000)
            upload = await stub.wait_for_message(lambda m: m.reply_to == request and m.attachments)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content)
            await stub.wait_for_event("resume")
            assert await bot.stop() == 0
    assert upload.attachments[0].data == PNG
    assert sum(1 for m in stub.messages if m.attachments) == 1
