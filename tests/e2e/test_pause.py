"""End to end: ⏸️ and ▶️ on a running download, against the real bot process.

The paused download keeps its partial file; resumed, the library asks the media server
for the rest only (``Range: bytes=N-``) and the delivered file is the source, byte for byte.
"""

import asyncio
import re
from pathlib import Path

import pytest

from tests.support.bot_process import BotProcess, start_download
from tests.support.discord_stub import DiscordStub, StubMessage
from tests.support.media import make_video
from tests.support.media_server import MediaServer, _File

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 2_400  # about 600 kB, not all zeros


async def _partial(job_dir: Path, at_least: int) -> int:
    """Wait until the job's directory holds ``at_least`` bytes; return how many."""
    async with asyncio.timeout(60):  # slow beside other test workers
        while True:
            held = sum(p.stat().st_size for p in job_dir.glob("*") if p.is_file())
            if held >= at_least:
                return held
            await asyncio.sleep(0.05)


async def _pause_midway(
    stub: DiscordStub, url: str, data: Path, size: int
) -> tuple[int, StubMessage, Path]:
    """Start a download of ``url``, wait for a quarter of its ``size``, then react ⏸️.

    Returns:
        The request's message id, the status message (once it says "paused"), and the
        job's directory under ``data``.
    """
    request, ack = await start_download(stub, url)
    job_dir = data / "temp" / re.search(r"`([0-9a-f]{6})`", ack.content).group(1)
    await _partial(job_dir, size // 4)
    await stub.add_reaction(ack.id, "⏸️")
    await stub.wait_for_message(lambda m: m.id == ack.id and "paused" in m.content, 30)
    return request, ack, job_dir


def _ranges(media: MediaServer, path: str) -> list[int]:
    """The first byte each GET of ``path`` asked for (0 without a Range header)."""
    starts = []
    for method, where, headers in media.requests:
        if method == "GET" and where == path:
            found = re.match(r"bytes=(\d+)-", headers.get("Range", ""))
            starts.append(int(found.group(1)) if found else 0)
    return starts


@pytest.mark.parametrize("kind", ["picture (gallery-dl)", "video (yt-dlp)"])
async def test_pause_then_resume_continues_from_the_partial_file(kind: str, tmp_path: Path) -> None:
    """⏸️ stops the download and keeps its bytes; ▶️ fetches only the rest, by range."""
    if kind.startswith("video"):
        path, mime = "/big.mp4", "video/mp4"
        body = make_video(tmp_path / "big.mp4", seconds=3, video_bitrate="1500k").read_bytes()
    else:
        path, body, mime = "/big.png", PNG, "image/png"
    with MediaServer() as media:
        slow = media.add_route(path, _File(body, mime, 40_000).serve)
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            request, ack, job_dir = await _pause_midway(stub, slow, tmp_path / "data", len(body))
            kept = await _partial(job_dir, len(body) // 4)  # the stopped download's bytes stay
            await stub.add_reaction(ack.id, "▶️")
            upload = await stub.wait_for_message(
                lambda m: m.reply_to == request and m.attachments, 30
            )
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 10)
            assert await bot.stop() == 0
    assert len(body) > 150_000
    assert upload.attachments[0].data == body
    starts = _ranges(media, path)
    assert starts[0] == 0
    assert len(body) // 4 <= starts[-1] <= kept, (starts, kept)


async def test_a_paused_job_ends_after_the_expiry(tmp_path: Path) -> None:
    """With a 0.02-minute expiry a paused download ends with a message, and no file."""
    with MediaServer() as media:
        slow = media.add_route("/big.png", _File(PNG, "image/png", 60_000).serve)
        async with DiscordStub() as stub:
            env = {"PAUSE_EXPIRY_MINUTES": "0.02"}
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", **env)
            await bot.start()
            _, ack = await start_download(stub, slow)
            await stub.add_reaction(ack.id, "⏸️")
            await stub.wait_for_message(lambda m: m.id == ack.id and "paused" in m.content, 30)
            ended = await stub.wait_for_message(
                lambda m: m.id == ack.id and "cancelled" in m.content, 20
            )
            assert await bot.stop() == 0
    assert "was paused for over 0.02 minutes, so it was cancelled; send the link again." in (
        ended.content
    )
    assert not any(m.attachments for m in stub.messages)


async def test_a_paused_job_stays_paused_across_a_restart(tmp_path: Path) -> None:
    """Paused, then the bot restarts: the job waits, its bytes kept; ▶️ finishes it by range."""
    with MediaServer() as media:
        slow = media.add_route("/big.png", _File(PNG, "image/png", 40_000).serve)
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            request, ack, job_dir = await _pause_midway(stub, slow, tmp_path / "data", len(PNG))
            assert await bot.stop() == 0
            gets = len(_ranges(media, "/big.png"))
            await bot.start()
            kept = await _partial(job_dir, len(PNG) // 4)
            asked = int((await stub.send_user_message("$dlq"))["id"])
            queue = await stub.wait_for_message(lambda m: m.reply_to == asked and m.embeds)
            assert f"`{job_dir.name}`" in str(queue.embeds)
            assert "⏸️ paused" in str(queue.embeds)
            assert len(_ranges(media, "/big.png")) == gets  # not started again by itself
            await stub.add_reaction(ack.id, "▶️")
            upload = await stub.wait_for_message(
                lambda m: m.reply_to == request and m.attachments, 30
            )
            assert await bot.stop() == 0
    assert upload.attachments[0].data == PNG
    assert len(PNG) // 4 <= _ranges(media, "/big.png")[-1] <= kept
