"""Benchmark: acknowledgement and end-to-end time of ``$dlt`` for a 5 MB video, vs direct.

"Direct" is the same download done with yt-dlp in one process plus one raw upload to
the stub: the ratio is what the bot's queue, child process, checks and edits cost.

Runs the real ``bossbotctl run`` process against the loopback Discord stub and media
server from ``tests/support`` (nothing leaves this machine) and prints a table and JSON.

    uv run python scripts/bench_e2e.py [--runs 10] [--size-mb 5]
"""

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp
import yt_dlp
from _bench import percentile, report
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer
from tests.support.sized_video import make_video_of_size


async def _one(stub: DiscordStub, url: str, expected: bytes) -> tuple[float, float]:
    before = len(stub.messages)
    await stub.send_user_message(f"$dlt {url}")
    sent = stub.events_of("user_message")[-1].at
    request_id = stub.user_messages[-1].id
    ack = await stub.wait_for_message(
        lambda m: m.reply_to == request_id and not m.attachments, timeout=30
    )
    upload = await stub.wait_for_message(
        lambda m: m.reply_to == request_id and m.attachments, timeout=120
    )
    assert upload.attachments[0].data == expected, "the bytes that arrived differ"
    assert len(stub.messages) >= before + 2
    return ack.created_at - sent, upload.created_at - sent


def _fetch_direct(url: str, work: Path) -> tuple[str, bytes]:
    """yt-dlp in this process, as its README shows; returns the file's name and bytes."""
    work.mkdir(exist_ok=True)
    options = {"paths": {"home": str(work)}, "quiet": True, "noprogress": True, "format": "b"}
    with yt_dlp.YoutubeDL(options) as ydl:
        ydl.extract_info(url, download=True)
    (path,) = list(work.iterdir())
    data = path.read_bytes()
    path.unlink()
    return path.name, data


async def _direct(stub: DiscordStub, url: str, work: Path) -> float:
    """The same job without the bot: the download, then one raw multipart upload."""
    started = time.monotonic()
    name, data = await asyncio.to_thread(_fetch_direct, url, work)
    form = aiohttp.FormData()
    form.add_field("payload_json", json.dumps({"content": ""}), content_type="application/json")
    form.add_field("files[0]", data, filename=name)
    endpoint = f"{stub.api_url}/channels/{stub.channel_id}/messages"
    async with aiohttp.ClientSession() as http, http.post(endpoint, data=form) as response:
        assert response.status == 200, await response.text()
    return time.monotonic() - started


async def main(runs: int, size_mb: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        video = make_video_of_size(root / "video.mp4", int(size_mb * 1024 * 1024))
        data = video.read_bytes()
        with MediaServer() as media:
            url = media.add_file("/v/video.mp4", video, content_type="video/mp4")
            async with DiscordStub() as stub:
                bot = BotProcess(stub, root / "data", root / "bot.log", LOG_LEVEL="WARNING")
                started = time.monotonic()
                await bot.start()
                startup = time.monotonic() - started
                acks, totals = [], []
                for _ in range(runs):
                    ack, total = await _one(stub, url, data)
                    acks.append(ack * 1000)
                    totals.append(total)
                code = await bot.stop()
                direct = [await _direct(stub, url, root / "direct") for _ in range(runs)]
    return {
        "runs": runs,
        "file_bytes": len(data),
        "bot_startup_s": round(startup, 2),
        "ack_ms_p50": round(statistics.median(acks), 1),
        "ack_ms_p99": round(percentile(acks, 0.99), 1),
        "ack_ms_max": round(max(acks), 1),
        "end_to_end_s_p50": round(statistics.median(totals), 2),
        "end_to_end_s_max": round(max(totals), 2),
        "direct_s_p50": round(statistics.median(direct), 2),
        "bot_vs_direct": round(statistics.median(totals) / statistics.median(direct), 2),
        "exit_code": code,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size-mb", type=float, default=5)
    args = parser.parse_args()
    report(asyncio.run(main(args.runs, args.size_mb)))
