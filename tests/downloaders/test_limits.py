"""Limits that must hold whatever the server says: size without Content-Length, orphans."""

import asyncio
import json

import pytest

from boss_bot.downloaders.base import JobLimits
from boss_bot.downloaders.engines import GALLERYDL, YTDLP
from boss_bot.downloaders.runner import _spawn
from boss_bot.errors import DownloadFailedError, FailureKind
from tests.support.media_server import MediaServer

BODY = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 3_000_000


def _no_length(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "video/mp4")
    handler.end_headers()
    if handler.command == "GET":
        handler.wfile.write(BODY)


@pytest.mark.parametrize(("engine", "name"), [(YTDLP, "big.mp4"), (GALLERYDL, "big.png")])
async def test_size_cap_holds_without_content_length(tmp_path, engine, name) -> None:
    """A 3 MB body with no Content-Length under a 1 MB cap fails as too large, naming 1 MB."""
    with MediaServer() as server:
        server.add_route(f"/{name}", _no_length)
        limits = JobLimits(timeout=60, max_bytes=1024 * 1024, allow_private=True)
        with pytest.raises(DownloadFailedError) as failure:
            await engine.download(server.url(f"/{name}"), tmp_path, limits, lambda e: None)
    assert failure.value.kind is FailureKind.TOO_LARGE
    assert "1.0 MB" in failure.value.user_message()


async def test_child_exits_when_the_bot_goes_away(tmp_path) -> None:
    """When the parent closes the child's stdin (as a crash does), the child exits at once."""
    with MediaServer() as server:
        url = server.add_file("/slow.mp4", b"\x00" * 2_000_000, throttle_bps=32 * 1024)
        spec = {"engine": "gallery-dl", "url": url, "dest": str(tmp_path), "max_bytes": 10**9,
                "max_files": 5, "allow_private": True, "ffmpeg": None, "timeout": 300}  # fmt: skip
        proc = await _spawn(spec, tmp_path)
        async with asyncio.timeout(20):
            while not any(tmp_path.iterdir()):
                await asyncio.sleep(0.05)
        proc.stdin.close()
        assert await asyncio.wait_for(proc.wait(), 3) == 3
    assert json.dumps(spec)  # the spec was plain JSON


def test_child_environment_carries_no_secrets(monkeypatch) -> None:
    """The token and proxy settings are not passed to download processes."""
    from boss_bot.downloaders.runner import child_env

    monkeypatch.setenv("BOSS_BOT_DISCORD_TOKEN", "secret")
    monkeypatch.setenv("HTTPS_PROXY", "http://10.0.0.1:3128")
    env = child_env()
    assert "BOSS_BOT_DISCORD_TOKEN" not in env
    assert "HTTPS_PROXY" not in env
    assert "PATH" in env
