"""Issue 4's "done when", tried against the loopback Discord stub and printed.

A slow download whose status message visibly progresses and ends ✅ (every edit
shown), ⏹️ on a running job, a 404, a site that fails once and is retried, ``$dlh dlt``,
``$dls``, ``/dl`` as a slash command and "Download media" on a message.

    uv run python scripts/feedback_session.py
"""

import asyncio
import itertools
import tempfile
from pathlib import Path

from _bench import ROOT  # noqa: F401 - puts the repository on sys.path
from stub_session import say, show
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer, _File, _send_empty

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 600_000


def edits(stub: DiscordStub, message_id: int) -> None:
    """Print every text a status message showed, in order, with seconds since the first."""
    message = next(m for m in stub.messages if m.id == message_id)
    start = message.created_at
    print(f"  +0.0 s  {message.payload.get('content', '')}")
    for at, edit in zip(message.edited_at, message.edits, strict=True):
        if edit.get("content"):
            print(f"  +{at - start:.1f} s  " + edit["content"].replace("\n", " ⏎ "))


def fails_once(body: bytes) -> object:
    """A handler that answers the first GET with 503, then serves ``body``."""
    serve, gets = _File(body, "image/png").serve, itertools.count()
    return lambda h: _send_empty(h, 503) if next(gets) == 0 else serve(h)


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, MediaServer() as media:
        slow = media.add_file("/slow.png", PNG, "image/png", throttle_bps=150_000)
        stop_me = media.add_file("/stop.png", PNG, "image/png", throttle_bps=30_000)
        flaky = media.add_route("/flaky.png", fails_once(PNG[:5000]))
        quick = media.add_file("/quick.png", PNG[:5000], "image/png")
        async with DiscordStub() as stub:
            env = {"PROGRESS_INTERVAL": "1", "RETRY_DELAY": "2", "LOG_LEVEL": "WARNING"}
            bot = BotProcess(stub, Path(tmp) / "data", Path(tmp) / "bot.log", **env)
            await bot.start()
            await asyncio.sleep(2.5)
            print("# a slow download (600 KB at 150 KB/s); the status message's every text:")
            await say(stub, f"$dl {slow}", settle=6)
            edits(stub, stub.messages[0].id)
            print("# ⏹️ on a running job, by its requester:")
            await say(stub, f"$dl {stop_me}", settle=2)
            ack = stub.messages[-1]
            await stub.add_reaction(ack.id, "⏹️")
            await asyncio.sleep(1)
            edits(stub, ack.id)
            print("# a missing file:")
            await say(stub, f"$dl {media.base_url}/missing.png", settle=3)
            print("# a site that answers 503 once:")
            await say(stub, f"$dl {flaky}", settle=5)
            edits(stub, stub.messages[-2].id)
            await say(stub, "$dlh dlt")
            await say(stub, "$dls")
            print("[user] /dl url:" + quick)
            token = await stub.slash("dl", url=quick)
            status = await stub.wait_for_response(token)
            await asyncio.sleep(2)
            print(show(status))
            post = await stub.send_user_message(f"found this: {quick} !")
            print(f"[user] (right-click on {post['content']!r}) → Apps → Download media")
            await stub.message_command("Download media", int(post["id"]))
            await asyncio.sleep(2)
            for message in stub.messages[-2:]:
                print(show(message))
            await bot.stop()


if __name__ == "__main__":
    asyncio.run(main())
