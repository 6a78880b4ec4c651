"""Benchmark: acknowledgement latency, idle and with 10 downloads running and 50 queued.

Runs the real ``bossbotctl run`` process against the loopback Discord stub and a slow
loopback media server. Latency is the bot's own time: from the stub dispatching the
user's MESSAGE_CREATE to the bot's acknowledgement arriving at the stub's REST API.

    uv run python scripts/bench_queue.py [--samples 30]
"""

import argparse
import asyncio
import tempfile
from pathlib import Path

from _bench import report, summary
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer

USERS = 10


async def ack_ms(stub: DiscordStub, text: str, user: int) -> float:
    """Post ``text`` and return milliseconds until the bot's reply to it arrives."""
    sent = await stub.send_user_message(text, user_id=user)
    at = stub.events_of("user_message")[-1].at
    reply = await stub.wait_for_message(lambda m: m.reply_to == int(sent["id"]), timeout=30)
    return (reply.created_at - at) * 1000


async def main(samples: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp, MediaServer() as media:
        fast = media.add_file("/fast.png", b"\x89PNG" + b"\x00" * 1000, content_type="image/png")
        slow = [
            media.add_file(
                f"/slow{n}.png",
                b"\x89PNG" + b"\x00" * 5_000_000,
                content_type="image/png",
                throttle_bps=20_000,
            )
            for n in range(200)
        ]
        async with DiscordStub() as stub:
            users = [stub.user_id] + [stub.add_user(f"u{n}") for n in range(USERS - 1)]
            env = {
                "MAX_CONCURRENT_DOWNLOADS": "10",
                "MAX_QUEUE_SIZE": "200",
                "LOG_LEVEL": "WARNING",
            }
            bot = BotProcess(stub, Path(tmp) / "data", Path(tmp) / "bot.log", **env)
            await bot.start()
            await asyncio.sleep(2.5)  # workers start once on_ready fired
            idle = []
            for n in range(samples):
                idle.append(await ack_ms(stub, f"$dl {fast}", users[n % USERS]))
                await stub.wait_for_message(lambda m: "✅" in m.content and m.edits, timeout=30)
                stub.messages.clear()
            for n in range(60):  # 10 running (2 per user at most) + 50 waiting
                await ack_ms(stub, f"$dl {slow[n]}", users[n % USERS])
            loaded = [
                await ack_ms(stub, f"$dl {slow[60 + n]}", users[n % USERS]) for n in range(samples)
            ]
            await stub.send_user_message("$health")
            health = await stub.wait_for_message(lambda m: "health" in m.content, timeout=30)
            jobs_line = next(line for line in health.content.splitlines() if "Jobs" in line)
            await bot.stop()
    return {
        "samples": samples,
        **summary("idle_ack_ms", idle),
        **summary("loaded_ack_ms", loaded),
        "load_at_end": jobs_line,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=30)
    report(asyncio.run(main(parser.parse_args().samples)))
