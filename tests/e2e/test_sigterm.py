"""End to end: SIGTERM mid-download exits cleanly and the job resumes at the next start."""

import asyncio
import signal
from pathlib import Path

from tests.support.bot_process import BotProcess, start_download
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer, _File

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 240_000


async def test_sigterm_mid_download_pauses_and_the_next_start_delivers(tmp_path: Path) -> None:
    """SIGTERM during a download exits cleanly (0, within a bound); the job resumes once."""
    with MediaServer() as media:
        url = media.add_route("/slow.png", _File(PNG, "image/png", 60_000).serve)
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            request, ack = await start_download(stub, url)
            await asyncio.sleep(1.0)
            # a bound, not a timing: warming the fork server may still run on a loaded machine
            assert await bot.stop(signal.SIGTERM, timeout=30) == 0, bot.log()[-3000:]
            assert "waiting in the queue" in ack.content
            await bot.start()
            await stub.wait_for_message(lambda m: m.reply_to == request and m.attachments, 60)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 10)
            assert await bot.stop() == 0
    assert [m.reply_to for m in stub.messages if m.attachments] == [request]
