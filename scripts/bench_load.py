"""Benchmark: memory and CPU under load, throughput, and /metrics and /health meanwhile.

The real bot (10 workers, a tier-3 stub guild so 50 MB fits) gets 10 downloads of
50 MB (throttled so they overlap) and 50 small jobs behind them. The bot process and
its download processes are sampled every 0.2 s (memory as PSS and as RSS summed, CPU
as a share of the machine); /metrics and /health are fetched during the run. Then 50 small jobs are
drained and timed.

    uv run python scripts/bench_load.py
"""

import asyncio
import socket
import tempfile
import time
from pathlib import Path

import aiohttp
from _bench import report
from _family import sample
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer

MB = 1024 * 1024
USERS = 10


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _wait_done(stub: DiscordStub, count: int, seconds: float) -> None:
    def done() -> bool | None:
        return True if sum("✅" in m.content for m in stub.messages) >= count else None

    await stub.state.wait_until(done, seconds, lambda: f"waiting for {count} jobs to finish")


async def main() -> dict:
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp, MediaServer() as media:
        big = [
            media.add_file(
                f"/big{n}.mp4",
                b"\x00\x00\x00\x18ftypmp42" + bytes(50 * MB),
                "video/mp4",
                throttle_bps=10 * MB,
            )
            for n in range(10)
        ]
        small = [
            media.add_file(f"/s{n}.png", b"\x89PNG\r\n\x1a\n" + bytes(2000), "image/png")
            for n in range(100)
        ]
        async with DiscordStub(premium_tier=3) as stub:
            users = [stub.user_id] + [stub.add_user(f"u{n}") for n in range(USERS - 1)]
            env = {
                "MAX_CONCURRENT_DOWNLOADS": "10",
                "MAX_QUEUE_SIZE": "200",
                "LOG_LEVEL": "WARNING",
                "METRICS_PORT": str(port),
                "MAX_JOBS_PER_USER": "2",
                "GUILD_DAILY_QUOTA_MB": "100000",
            }
            bot = BotProcess(stub, Path(tmp) / "data", Path(tmp) / "bot.log", **env)
            await bot.start()
            await asyncio.sleep(2.5)
            assert bot.proc is not None
            stop, peaks = asyncio.Event(), {}
            sampler = asyncio.create_task(sample(bot.proc.pid, stop, peaks))
            started = time.monotonic()
            for n, url in enumerate(big + small[:50]):
                await stub.send_user_message(f"$dl {url}", user_id=users[n % USERS])
            await asyncio.sleep(2)
            async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
                async with http.get("/health") as response:
                    health = (response.status, (await response.json())["queue"])
                async with http.get("/metrics") as response:
                    metrics_ok = response.status == 200 and "download_queue_size" in (
                        await response.text()
                    )
            await _wait_done(stub, 60, 600)
            loaded_s = time.monotonic() - started
            stop.set()
            await sampler
            stub.messages.clear()
            started = time.monotonic()
            for n, url in enumerate(small[50:]):
                await stub.send_user_message(f"$dl {url}", user_id=users[n % USERS])
            await _wait_done(stub, 50, 300)
            drain_s = time.monotonic() - started
            await bot.stop()
    return {
        "load": "10 × 50 MB + 50 small",
        "load_done_s": round(loaded_s, 1),
        "peak_pss_mb": round(peaks["pss"] / MB),
        "peak_rss_sum_mb": round(peaks["rss"] / MB),
        "cpu_percent_of_machine": round(peaks["cpu_percent"]),
        "health_during_load": f"{health[0]} {health[1]}",
        "metrics_during_load": metrics_ok,
        "drain_50_small_s": round(drain_s, 1),
        "throughput_jobs_per_s": round(50 / drain_s, 1),
    }


if __name__ == "__main__":
    report(asyncio.run(main()))
