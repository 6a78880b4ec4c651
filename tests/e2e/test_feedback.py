"""End to end: what a member sees when a site fails, for a moment or for good.

The real bot process, real gallery-dl and yt-dlp, a loopback media server that
answers 503 a given number of times before serving the file.
"""

import itertools
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer, _File, _send_empty

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2_000
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 2_000


def unavailable_first(body: bytes, content_type: str, times: int) -> Callable:
    """A handler answering GET with 503 ``times`` times, then with the file."""
    serve, gets = _File(body, content_type).serve, itertools.count()

    def handle(h: BaseHTTPRequestHandler) -> None:
        if h.command == "GET" and next(gets) < times:
            _send_empty(h, 503)
        else:
            serve(h)

    return handle


@pytest.mark.parametrize(
    ("path", "body", "ctype"), [("/a.png", PNG, "image/png"), ("/a.mp4", MP4, "video/mp4")]
)
async def test_a_server_error_is_retried_and_the_status_says_so(
    tmp_path: Path, path: str, body: bytes, ctype: str
) -> None:
    """One 503: the status shows "try 1 of 3", then the file arrives and ✅."""
    with MediaServer() as media:
        url = media.add_route(path, unavailable_first(body, ctype, times=1))
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", RETRY_DELAY="0.2")
            await bot.start()
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            upload = await stub.wait_for_message(lambda m: m.reply_to == request and m.attachments)
            done = await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 10)
            assert await bot.stop() == 0
    notes = [e.get("content", "") for e in done.edits]
    assert any("the site had a server error (try 1 of 3). Trying again" in n for n in notes)
    assert upload.attachments[0].data == body


async def test_a_site_that_stays_down_fails_after_three_tries(tmp_path: Path) -> None:
    """503 every time: three tries, then ❌ saying so, with 🔄 to try later."""
    with MediaServer() as media:
        url = media.add_status("/down.png", 503)
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", RETRY_DELAY="0.1")
            await bot.start()
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            failed = await stub.wait_for_message(lambda m: m.id == ack.id and "❌" in m.content)
            assert await bot.stop() == 0
        assert media.hits("/down.png") >= 3
    assert failed.content == (
        f"❌ Job `{failed.content.split('`')[1]}` failed: The site had a server error. "
        "Try again in a few minutes. (Tried 3 times.)"
    )


async def test_a_slow_download_shows_progress_then_done(tmp_path: Path) -> None:
    """The status message visibly progresses (bar and percent), at most once a second, then ✅."""
    with MediaServer() as media:
        url = media.add_file(
            "/slow.mp4",
            b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 600_000,
            content_type="video/mp4",
            throttle_bps=150_000,
        )
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log", PROGRESS_INTERVAL="1")
            await bot.start()
            request = await stub.send_user_message(f"$dl {url}")
            ack = await stub.wait_for_message(lambda m: m.reply_to == int(request["id"]))
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, timeout=60)
            assert await bot.stop() == 0
    contents = [edit.get("content", "") for edit in ack.edits]
    progress = [c for c in contents if "%" in c and "█" in c]
    assert progress, contents
    assert contents[-1].startswith("✅")
    times = [
        t for t, e in zip(ack.edited_at, ack.edits, strict=True) if "%" in e.get("content", "")
    ]
    assert all(b - a >= 0.9 for a, b in itertools.pairwise(times))
