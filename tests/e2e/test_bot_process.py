"""End to end: the real ``bossbotctl run`` process, a Discord stub, a loopback media server.

Everything crosses real sockets: discord.py speaks REST and the gateway to the stub,
yt-dlp fetches from the media server, the file comes back as a multipart upload.
"""

import re
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub, StubMessage
from tests.support.media_server import MediaServer
from tests.support.sized_video import make_video_of_size

JOB_ID = re.compile(r"Job `([0-9a-f]{6})`")


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real ~5 MB H.264 video."""
    return make_video_of_size(tmp_path_factory.mktemp("e2e") / "five.mp4", 5 * 1024 * 1024)


@pytest_asyncio.fixture
async def world(tmp_path: Path, video: Path) -> AsyncIterator[tuple[DiscordStub, MediaServer]]:
    """A stub Discord, a media server and the bot process connected to both."""
    with MediaServer() as media:
        media.add_file("/v/five.mp4", video, content_type="video/mp4")
        media.add_status("/v/gone.mp4", 404)
        media.add_html("/page.html", "<html><body>nothing</body></html>")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            try:
                yield stub, media
            finally:
                code = await bot.stop()
                log = bot.log()
                assert code == 0, log[-3000:]
                assert "stub-token.not.real" not in log
            assert list((tmp_path / "data" / "temp").iterdir()) == []


def _reply_to(message_id: str):
    return lambda m: m.reply_to == int(message_id)


async def test_video_arrives_as_identical_bytes_in_a_reply(world, video: Path) -> None:
    """``$dlt <video>``: acknowledgement with a job id, then the same bytes as a reply, ✅."""
    stub, media = world
    sent_at = time.monotonic()
    request = await stub.send_user_message(f"$dlt {media.url('/v/five.mp4')}")
    ack = await stub.wait_for_message(lambda m: "accepted" in m.content, timeout=10)
    job_id = JOB_ID.search(ack.content).group(1)
    assert ack.reply_to == int(request["id"])
    upload: StubMessage = await stub.wait_for_message(lambda m: m.attachments, timeout=60)
    assert upload.reply_to == int(request["id"])
    assert upload.attachments[0].data == video.read_bytes()
    assert upload.allowed_mentions == {"parse": []} or upload.allowed_mentions["parse"] == []
    done = await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, timeout=10)
    assert f"Job `{job_id}` done" in done.content
    assert ack.created_at - sent_at < 1.0


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("$dlt {base}/v/gone.mp4", "not found"),
        ("$dl {base}/page.html", "couldn't find any media"),
        ("$dlr {base}/v/five.mp4", "is for Reddit links"),
        ("$dlt www.example.com", "Only http:// and https://"),
    ],
)
async def test_bad_links_get_friendly_answers(world, command: str, expected: str) -> None:
    """404s, pages without media, wrong commands and non-URLs each get a readable answer."""
    stub, media = world
    await stub.send_user_message(command.format(base=media.base_url))
    answer = await stub.wait_for_message(lambda m: expected in m.content, timeout=30)
    assert "Traceback" not in answer.content
    assert "/tmp" not in answer.content
    assert not any(m.attachments for m in stub.messages)


async def test_health_and_queue_answer(world) -> None:
    """``$health`` reports latency, uptime and version; ``$dlq`` answers when empty."""
    stub, _ = world
    await stub.send_user_message("$health")
    health = await stub.wait_for_message(lambda m: "health" in m.content, timeout=10)
    assert "Gateway latency" in health.content
    assert "Version" in health.content
    await stub.send_user_message("$dlq")
    await stub.wait_for_message(lambda m: "queue is empty" in m.content, timeout=10)
