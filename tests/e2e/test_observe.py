"""End to end: /metrics and /health answer while the real bot works; $stats sums up."""

import asyncio
import re
import socket
from pathlib import Path

import aiohttp

from tests import deploykit
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 3_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_metrics_health_and_stats(tmp_path: Path) -> None:
    """After one delivered job the counters, latencies and health show it."""
    port = _free_port()
    with MediaServer() as media:
        url = media.add_file("/pic.png", PNG, content_type="image/png")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", METRICS_PORT=str(port))
            await bot.start()
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content)
            asked = int((await stub.send_user_message("$stats"))["id"])
            stats = await stub.wait_for_message(lambda m: m.reply_to == asked)
            async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
                for _ in range(50):  # the ✅ is shown a moment before the job lets go
                    async with http.get("/health") as response:
                        health_status, health = response.status, await response.json()
                    if health["queue"]["running"] == 0:
                        break
                    await asyncio.sleep(0.1)
                async with http.get("/metrics") as response:
                    metrics = await response.text()
            assert await bot.stop() == 0
    assert health_status == 200
    assert health["gateway_connected"] is True
    assert health["queue"] == {"running": 0, "waiting": 0}
    assert health["workers"]["size"] == 5
    assert isinstance(health["download_server_pid"], int)
    assert re.search(r'download_requests_total\{platform="\w+",status="completed"\} 1\.0', metrics)
    assert re.search(r'command_latency_seconds_count\{command="dl"\} 1\.0', metrics)
    assert re.search(r"memory_usage_bytes [1-9]", metrics)
    assert "download_file_size_bytes_bucket" in metrics
    assert re.search(r"disk_size_bytes [1-9]", metrics)  # the alerts' disk usage has a size
    queried = {name for expr in deploykit.queried() for name in deploykit.metric_names(expr)}
    assert (
        not queried - deploykit.served(metrics) - deploykit.PROMETHEUS_OWN - deploykit.DISTRIBUTED
    )
    assert not deploykit.DISTRIBUTED & deploykit.served(metrics)  # no broker: no worker series
    assert "✅ 1 delivered · ❌ 0 failed" in stats.content
