"""End to end: positions while waiting, and the mention when the files arrive.

The real bot process, one worker, three downloads the loopback media server holds
until the test lets each through. Discord (the stub) sees the third job's status
edited from its acknowledged position 2 to #1, then "starting now"; and the REST JSON
of each files reply allows exactly one mention: the member who asked.
"""

import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub, StubMessage
from tests.support.media_server import MediaServer, _File

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2_000


class Held:
    """A picture whose GET waits until the test opens it (HEAD passes at once)."""

    def __init__(self) -> None:
        self.file, self.open = _File(PNG, "image/png"), threading.Event()

    def serve(self, h: BaseHTTPRequestHandler) -> None:
        if h.command == "GET":
            self.open.wait(60)
        self.file.serve(h)


async def edited(stub: DiscordStub, message: StubMessage, text: str) -> None:
    """Wait (bounded) until an edit of ``message`` contains ``text``."""
    await stub.wait_for_message(
        lambda m: m.id == message.id and any(text in e.get("content", "") for e in m.edits), 30
    )


async def test_positions_move_up_and_the_files_mention_the_member(tmp_path: Path) -> None:
    """#2 acknowledged, then #1, then starting now; every files reply pings the member only."""
    holds = [Held() for _ in range(3)]
    with MediaServer() as media:
        urls = [media.add_route(f"/{n}.png", held.serve) for n, held in enumerate(holds)]
        async with DiscordStub() as stub:
            env = {"MAX_CONCURRENT_DOWNLOADS": "1", "PROGRESS_INTERVAL": "1"}
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", **env)
            await bot.start()
            acks = []
            for url in urls:
                request = int((await stub.send_user_message(f"$dl {url}"))["id"])
                acks.append(await stub.wait_for_message(lambda m, r=request: m.reply_to == r))
                if len(acks) == 1:  # the first one runs (held) before the others queue
                    await edited(stub, acks[0], "starting now")
            third = acks[2]
            assert "position 2 in the queue (starts in about" in third.content
            holds[0].open.set()
            await edited(stub, third, "#1 in the queue")
            holds[1].open.set()
            await edited(stub, third, "starting now")
            holds[2].open.set()
            await stub.wait_for_message(lambda m: m.id == third.id and "✅" in m.content)
            assert await bot.stop() == 0
    contents = [e.get("content", "") for e in third.edits]
    assert contents[0].startswith(f"📥 Job `{third.content.split('`')[1]}` is waiting: #1 in")
    assert "starting now" in contents[1]
    uploads = [m for m in stub.messages if m.attachments]
    assert len(uploads) == 3
    for upload in uploads:
        assert upload.content == f"<@{stub.user_id}>"
        assert upload.allowed_mentions == {"parse": [], "users": [stub.user_id]}
    others = [m for m in stub.messages if not m.attachments]
    assert all(m.allowed_mentions == {"parse": []} for m in others)
    assert "Traceback" not in bot.log()
