"""End to end: two downloads in the real bot share the total rate limit, measured at the server.

When one ends the other takes the whole; ``/health`` and ``/metrics`` show the rate and bytes.
"""

import asyncio
import re
import socket
from pathlib import Path

import aiohttp
import pytest

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer
from tests.support.sized_video import make_video_of_size

pytestmark = pytest.mark.slow  # two paced downloads: about 20 s

K = 1024
TOTAL = 512 * K
WARM_UP = 1.0  # seconds of socket buffers filling before the rate holds
HANDOVER = 1.5  # seconds from the first's last byte sent to the second's new rate: the
# first reads what the socket buffers hold, its child ends, the bot rebalances


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _health_while_both_run(port: int) -> dict:
    """``/health`` once both jobs run and the speed is measured."""
    async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
        async with asyncio.timeout(60):  # both children start; slow beside other test workers
            while True:
                async with http.get("/health") as response:
                    health = await response.json()
                if health["queue"]["running"] == 2 and health["download_rate"]["current"]:
                    return health
                await asyncio.sleep(0.2)


async def _metrics(port: int) -> str:
    async with (
        aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http,
        http.get("/metrics") as response,
    ):
        return await response.text()


async def test_two_downloads_share_the_total_rate(tmp_path: Path) -> None:
    """Together 512K/s (within 15 % over >= 5 s); then the one left alone gets all 512K/s."""
    videos = {
        "a": make_video_of_size(tmp_path / "a.mp4", 2_000_000),  # about 2.8 MB
        "b": make_video_of_size(tmp_path / "b.mp4", 5_000_000),  # about 6.2 MB
    }
    assert all(path.stat().st_size < 10 * K * K for path in videos.values())  # no fitting
    port = _free_port()
    with MediaServer(send_buffer=32 * K) as media:
        urls = {
            name: media.add_file(f"/{name}.mp4", path, "video/mp4") for name, path in videos.items()
        }
        async with DiscordStub() as stub:
            settings = {"TOTAL_RATE_LIMIT": "512K", "METRICS_PORT": str(port)}
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", **settings)
            await bot.start()
            requests = [int((await stub.send_user_message(f"$dl {urls[n]}"))["id"]) for n in "ab"]
            acks = [await stub.wait_for_message(lambda m, r=r: m.reply_to == r) for r in requests]
            health = await _health_while_both_run(port)
            for ack in acks:
                await stub.wait_for_message(lambda m, a=ack: m.id == a.id and "✅" in m.content, 60)
            metrics = await _metrics(port)
            assert await bot.stop() == 0
        start = max(media.gets(f"/{n}.mp4")[-1] for n in "ab") + WARM_UP  # the later download GET
        a_done, b_done = (media.sent(f"/{n}.mp4")[-1][0] for n in "ab")
        together = media.rate(start, a_done - 0.5)
        alone = media.rate(a_done + HANDOVER, b_done - 0.2)
    assert a_done - 0.5 - start >= 5
    assert abs(together - TOTAL) <= 0.15 * TOTAL, together
    assert abs(alone - TOTAL) <= 0.15 * TOTAL, alone
    assert health["download_rate"]["total_limit"] == TOTAL
    assert health["download_rate"]["job_limit"] is None
    fetched = re.search(r'download_bytes_total\{platform="\w+"\} (\S+)', metrics)
    assert fetched
    assert float(fetched.group(1)) == sum(p.stat().st_size for p in videos.values())
