"""End to end: ``kill -9`` while Discord is still making the files' message.

The real bot process sends a job's files; Discord (the stub) has the whole request and
is still making the message when the bot is killed, so the message appears only after
the restarted bot looked at the channel and sent the files again. The message's nonce
is the same both times (``bot.nonces``), so Discord returns the message it made for the
first request instead of making a second one: the files are in the channel once.
"""

import signal
from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media import make_image
from tests.support.media_server import MediaServer


async def test_an_upload_made_after_a_kill_is_not_posted_twice(tmp_path: Path) -> None:
    """SIGKILL mid-upload, restart, the files sent again: one message carries them."""
    with MediaServer() as media:
        url = media.add_file("/pic.png", make_image(tmp_path / "pic.png"), "image/png")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            release = stub.hold_upload(post=True)  # received, made once released
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            await stub.wait_for_event("upload_held", timeout=90)
            assert await bot.stop(signal.SIGKILL) == -signal.SIGKILL

            await bot.start()
            resent = await stub.wait_for_message(
                lambda m: m.reply_to == request and bool(m.attachments), timeout=90
            )
            release.set()  # Discord now finishes the killed bot's request
            released = await stub.wait_for_event("upload_released", timeout=30)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 90)
            assert await bot.stop() == 0, bot.log()[-3000:]
            log = bot.log()

    carrying = [m.id for m in stub.messages if m.reply_to == request and m.attachments]
    assert carrying == [resent.id]  # without the nonce, the first request makes a second
    assert released.data["status"] == 200
    assert [e.data["message_id"] for e in stub.events_of("nonce_repeat")] == [resent.id]
    assert "resumed job (attempts so far: 1)" in log  # it was retried, not still running
