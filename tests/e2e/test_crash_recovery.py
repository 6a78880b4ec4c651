"""End to end: 12 jobs from 3 users, caps respected, ``kill -9`` mid-way, each job once.

The real bot process is killed with SIGKILL while jobs are waiting and running, then
started again on the same data directory. Every job that was not cancelled must
arrive exactly once; the cancelled one never.
"""

import asyncio
import signal
import threading
from collections import Counter
from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer, _File

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 240_000
RATE = 100_000  # bytes per second: ~2.5 s a job


class Gauge:
    """Counts downloads in flight, in total and per user, and remembers the peaks."""

    def __init__(self, owner: dict[str, int]) -> None:
        self.owner, self.lock = owner, threading.Lock()
        self.active: Counter[str] = Counter()
        self.peak_total = 0
        self.peak_user: Counter[int] = Counter()

    def route(self, name: str):
        serve = _File(PNG, "image/png", RATE).serve

        def handler(h) -> None:
            if h.command != "GET":
                return serve(h)
            with self.lock:
                self.active[name] += 1
                self._peaks()
            try:
                serve(h)
            finally:
                with self.lock:
                    self.active[name] -= 1

        return handler

    def _peaks(self) -> None:
        running = [n for n, c in self.active.items() if c > 0]
        self.peak_total = max(self.peak_total, len(running))
        for user, count in Counter(self.owner[n] for n in running).items():
            self.peak_user[user] = max(self.peak_user[user], count)


async def test_kill_nine_mid_queue_loses_nothing_and_posts_nothing_twice(tmp_path: Path) -> None:
    """SIGKILL with jobs queued and running; after a restart all 11 kept jobs arrive once."""
    owner: dict[str, int] = {}
    gauge = Gauge(owner)
    with MediaServer() as media:
        async with DiscordStub() as stub:
            users = [stub.user_id, stub.add_user("bea"), stub.add_user("cai")]
            urls = {}
            for n in range(12):
                name = f"{n:02}.png"
                owner[name] = users[n % 3]
                urls[name] = media.add_route(f"/slow/{name}", gauge.route(name))
            env = {"MAX_CONCURRENT_DOWNLOADS": "3", "MAX_JOBS_PER_USER": "2"}
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", **env)
            await bot.start()
            requests = {}
            for name, url in urls.items():
                sent = await stub.send_user_message(f"$dl {url}", user_id=owner[name])
                requests[int(sent["id"])] = name
            cancelled_request = list(requests)[-1]
            last_ack = await stub.wait_for_message(lambda m: m.reply_to == cancelled_request)
            job = last_ack.content.split("`")[1]
            await stub.send_user_message(f"$dlc {job}", user_id=owner[requests[cancelled_request]])
            await stub.wait_for_message(lambda m: f"Cancelled `{job}`" in m.content)

            def uploads() -> Counter[int]:
                return Counter(m.reply_to for m in stub.messages if m.attachments)

            async with asyncio.timeout(60):
                while sum(uploads().values()) < 4:
                    await asyncio.sleep(0.05)
            assert await bot.stop(signal.SIGKILL) == -signal.SIGKILL
            assert sum(uploads().values()) < 11, "the kill came too late to test anything"

            await bot.start()
            async with asyncio.timeout(90):
                while len(uploads()) < 11:
                    await asyncio.sleep(0.1)
            await asyncio.sleep(1.5)  # a duplicate would show up now
            assert await bot.stop() == 0, bot.log()[-3000:]
            log = bot.log()

    counts = uploads()
    assert set(counts) == set(requests) - {cancelled_request}
    assert all(count == 1 for count in counts.values()), counts
    for message in stub.messages:
        if message.attachments:
            assert message.attachments[0].data == PNG
    assert gauge.peak_total <= 3
    assert max(gauge.peak_user.values()) <= 2
    assert list((tmp_path / "data" / "temp").iterdir()) == []
    assert "resumed job (attempts so far: 1)" in log  # running jobs were retried
    assert "resumed job (attempts so far: 0)" in log  # waiting jobs kept their turn
