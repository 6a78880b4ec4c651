"""Issue 5's "done when": a 30 MB loopback video through the real bot, tier-0 guild.

Prints every text the status message showed, what arrived (size, codecs, length)
and how long it took from the request to the file.

    uv run python scripts/fit_session.py
"""

import asyncio
import tempfile
import time
from pathlib import Path

from _bench import report
from bench_fit import make_clip
from feedback_session import edits
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media import probe
from tests.support.media_server import MediaServer


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, MediaServer() as media:
        clip = Path(tmp) / "clip.mp4"
        make_clip(clip)
        url = media.add_file("/clip.mp4", clip, content_type="video/mp4")
        async with DiscordStub(premium_tier=0) as stub:
            bot = BotProcess(stub, Path(tmp) / "data", Path(tmp) / "bot.log", LOG_LEVEL="INFO")
            await bot.start()
            print(f"[user] $dl {url}")
            started = time.monotonic()
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            upload = await stub.wait_for_message(
                lambda m: m.reply_to == request and m.attachments, timeout=300
            )
            took = time.monotonic() - started
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content)
            edits(stub, ack.id)
            await bot.stop()
        fitted = Path(tmp) / "arrived.mp4"
        fitted.write_bytes(upload.attachments[0].data)
        info = probe(fitted)
        streams = {s["codec_type"]: s for s in info["streams"]}
        report(
            {
                "source_bytes": clip.stat().st_size,
                "limit_bytes": stub.filesize_limit,
                "arrived_bytes": len(upload.attachments[0].data),
                "arrived_name": upload.attachments[0].filename,
                "video": f"{streams['video']['codec_name']} {streams['video']['width']}x"
                f"{streams['video']['height']}",
                "audio": streams["audio"]["codec_name"],
                "duration_s": round(float(info["format"]["duration"]), 2),
                "request_to_file_s": round(took, 1),
            }
        )


if __name__ == "__main__":
    asyncio.run(main())
