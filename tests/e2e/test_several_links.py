"""End to end: the status message of several links survives a ``kill -9``.

Two links, one worker: the first job finishes (its line ✅) while the second waits, the
second is running slowly when the real bot process is killed. After the restart the bot
has no lines in memory: it reads the shared message back from Discord, so the first
job's ✅ line stays while the second job's line follows it to ✅. Both jobs' files reply
to the same request, each labelled with its job id, so the resumed job does not take
the first one's file for its own.
"""

import asyncio
import signal
from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer, _File

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 240_000


async def test_a_shared_status_message_keeps_every_line_across_a_kill(tmp_path: Path) -> None:
    """After SIGKILL and a restart, the one acknowledgement ends with two ✅ lines."""
    with MediaServer() as media:
        fast = media.add_file("/fast.png", PNG, content_type="image/png")
        slow = media.add_route("/slow.png", _File(PNG, "image/png", 60_000).serve)  # ~4 s
        async with DiscordStub() as stub:
            env = {"MAX_CONCURRENT_DOWNLOADS": "1"}
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", **env)
            await bot.start()
            request = await stub.send_user_message(f"$dl {fast}\n{slow}")
            ack = await stub.wait_for_message(lambda m: m.reply_to == int(request["id"]))
            assert len(ack.content.splitlines()) == 2
            async with asyncio.timeout(30):  # the fast one done, the slow one downloading
                while not (ack.content.startswith("✅") and media.hits("/slow.png")):
                    await asyncio.sleep(0.05)
            assert await bot.stop(signal.SIGKILL) == -signal.SIGKILL
            await bot.start()
            async with asyncio.timeout(60):
                while not all(line.startswith("✅") for line in ack.content.splitlines()):
                    await asyncio.sleep(0.1)
            assert await bot.stop() == 0, bot.log()[-3000:]
    lines = ack.content.splitlines()
    assert all(line.endswith(f"<{url}>") for line, url in zip(lines, (fast, slow), strict=True))
    uploads = sorted((m.attachments[0].filename, m.content) for m in stub.messages if m.attachments)
    ids = [line.split("`")[1] for line in lines]
    assert uploads == [("fast.png", f"Job `{ids[0]}`"), ("slow.png", f"Job `{ids[1]}`")]
    assert "Traceback" not in bot.log()
