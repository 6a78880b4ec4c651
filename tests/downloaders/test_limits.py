"""Limits that must hold whatever the server says: size without Content-Length, orphans."""

import asyncio
import json
import sys
from pathlib import Path

import pytest

from boss_bot.core.ports import JobLimits
from boss_bot.downloaders.engines import GALLERYDL, YTDLP, ChildDownloader
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
async def test_size_cap_holds_without_content_length(downloaders, tmp_path, engine, name) -> None:
    """A 3 MB body with no Content-Length under a 1 MB cap fails as too large, naming 1 MB."""
    with MediaServer() as server:
        server.add_route(f"/{name}", _no_length)
        limits = JobLimits(timeout=60, max_bytes=1024 * 1024, allow_private=True)
        with pytest.raises(DownloadFailedError) as failure:
            await ChildDownloader(engine, downloaders.forker).download(
                server.url(f"/{name}"), tmp_path, limits, lambda e: None
            )
    assert failure.value.kind is FailureKind.TOO_LARGE
    assert "1.0 MB" in failure.value.user_message()


FAKE_BOT = """
import json, os, sys, time
from boss_bot.downloaders.fork_server.forker import Forker

events, errors, forker = os.pipe(), os.pipe(), Forker()
print(forker.start(json.loads(sys.argv[1]), events[1], errors[1]), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in state


@pytest.mark.slow
async def test_child_stops_when_the_bot_is_killed(tmp_path) -> None:
    """When the bot process dies (kill -9), its download child stops within a second or two."""
    with MediaServer() as server:
        url = server.add_file("/slow.png", b"\x89PNG" + b"\x00" * 4_000_000, throttle_bps=64 * 1024)
        spec = {
            "engine": "gallery-dl",
            "url": url,
            "dest": str(tmp_path),
            "max_bytes": 10**9,
            "max_files": 5,
            "allow_private": True,
            "ffmpeg": None,
            "timeout": 300,
        }
        bot = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            FAKE_BOT,
            json.dumps(spec),
            str(tmp_path),
            stdout=asyncio.subprocess.PIPE,
        )
        child = int(await asyncio.wait_for(bot.stdout.readline(), 60))  # a busy machine
        async with asyncio.timeout(60):
            while not any(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file()):
                await asyncio.sleep(0.05)
        bot.kill()
        await bot.wait()
        async with asyncio.timeout(3):
            while _alive(child):
                await asyncio.sleep(0.05)
        written = sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file())
        await asyncio.sleep(0.5)
        assert sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file()) == written


def test_child_environment_carries_no_secrets(monkeypatch) -> None:
    """The token and proxy settings are not passed to download processes."""
    from boss_bot.core.environment import child_env

    monkeypatch.setenv("BOSS_BOT_DISCORD_TOKEN", "secret")
    monkeypatch.setenv("HTTPS_PROXY", "http://10.0.0.1:3128")
    env = child_env()
    assert "BOSS_BOT_DISCORD_TOKEN" not in env
    assert "HTTPS_PROXY" not in env
    assert "PATH" in env
