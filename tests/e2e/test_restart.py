"""End to end: ``$restart`` re-executes the bot in place and the queue goes on there.

One worker is busy on a download the media server holds, a second job waits. The
owner's ``$restart`` pauses the first, keeps the second, and replaces the process
image (same pid, nothing inherited but stdin/stdout/stderr); the new process edits the
"restarting…" message to say it is back, with the downloaders' versions, and delivers
both jobs, each once.
"""

import asyncio
import os
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler
from importlib.metadata import version
from pathlib import Path

import psutil

from tests.support.bot_process import BotProcess, start_download
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer, _File

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 120_000
SECOND = b"\x89PNG\r\n\x1a\n" + b"\x01" * 90_000


class Held:
    """Serves a file, except the first GET, which waits for ``release`` and gets nothing."""

    def __init__(self, body: bytes) -> None:
        self.file, self.gets, self.release = _File(body, "image/png"), 0, threading.Event()
        self.lock, self.arrived = threading.Lock(), threading.Event()

    def __call__(self, h: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.gets += h.command == "GET"
            first = self.gets == 1 and h.command == "GET"
        if first:
            self.arrived.set()
            self.release.wait(120)  # the old process's request: it is killed meanwhile
            return
        self.file.serve(h)


def _alive(process: psutil.Process) -> bool:
    """Running, and not a zombie that no one reaped (a container's init may not)."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _pipes_and_sockets(pid: int) -> set[str]:
    """What the process's descriptors point at, for pipes and sockets (unique inodes)."""
    folder = Path(f"/proc/{pid}/fd")
    targets = set()
    for fd in folder.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith(("pipe:", "socket:")):
            targets.add(target)
    return targets


async def test_restart_reexecutes_in_place_and_the_waiting_job_runs_there(tmp_path: Path) -> None:
    """Same pid, a new image; "back" with versions; both jobs delivered once, after it."""
    held = Held(PNG)
    with MediaServer() as media:
        first_url = media.add_route("/held.png", held)
        second_url = media.add_file("/second.png", SECOND, "image/png")
        async with DiscordStub() as stub:
            bot = BotProcess(
                stub, tmp_path / "data", tmp_path / "bot.log", MAX_CONCURRENT_DOWNLOADS="1"
            )
            try:
                await bot.start()
                assert bot.proc is not None
                pid = bot.proc.pid
                first, first_ack = await start_download(stub, first_url)
                assert await asyncio.to_thread(held.arrived.wait, 30)  # the worker is busy
                second = int((await stub.send_user_message(f"$dl {second_url}"))["id"])
                ack = await stub.wait_for_message(lambda m: m.reply_to == second)
                assert "position 1 in the queue" in ack.content
                old_children = psutil.Process(pid).children(recursive=True)
                old_fds = _pipes_and_sockets(pid) if sys.platform == "linux" else set()
                assert old_children  # the download server, and the held job's child

                order = int((await stub.send_user_message("$restart"))["id"])
                restarting = await stub.wait_for_message(lambda m: m.reply_to == order)
                assert restarting.content.startswith("🔄 Restarting…")
                await stub.wait_ready(timeout=60, min_ready=2)
                back = await stub.wait_for_message(
                    lambda m: m.id == restarting.id and m.content.startswith("✅"), 60
                )
                expected = f"yt-dlp {version('yt-dlp')} and gallery-dl {version('gallery-dl')}"
                assert back.content == f"✅ Back after a restart, with {expected}."
                assert bot.proc.returncode is None
                assert psutil.Process(pid).children(recursive=True)  # a new download server
                assert not [c for c in old_children if _alive(c)]
                if sys.platform == "linux":  # no pipe or socket of the old image survived
                    assert not old_fds & _pipes_and_sockets(pid)

                for status in (first_ack, ack):  # both done: delivered, and their ✅ shown
                    await stub.wait_for_message(
                        lambda m, s=status: m.id == s.id and "✅" in m.content, 60
                    )
                held.release.set()
                assert await bot.stop() == 0, bot.log()[-3000:]
            finally:
                held.release.set()
    log = bot.log()
    assert log.count("restarting in place: ") == 1
    assert log.count("resumed job (attempts so far: 0)") == 2  # each job kept its place
    assert log.count("job paused by shutdown") == 1  # the waiting job was not started
    ready_again = stub.events_of("ready")[1].at
    uploads = [m for m in stub.messages if m.attachments]
    assert Counter(m.reply_to for m in uploads) == {first: 1, second: 1}
    assert all(m.created_at > ready_again for m in uploads)  # by the new process
    assert {m.reply_to: m.attachments[0].data for m in uploads} == {first: PNG, second: SECOND}
