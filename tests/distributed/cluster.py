"""A gateway and its worker processes on one Redis, for the fault tests of the distributed mode."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub, StubMessage
from tests.support.media_server import MediaServer
from tests.support.worker_process import WorkerProcess, distributed_env

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42"


def slow_file(media: MediaServer, path: str, seconds: float, rate: int = 40_000) -> str:
    """A fake mp4 whose download takes about ``seconds``; its URL."""
    body = MP4_HEAD + b"\x00" * int(seconds * rate)
    return media.add_file(path, body, "video/mp4", throttle_bps=rate)


async def start_cluster(
    stub: DiscordStub, tmp_path: Path, redis_url: str, workers: int, **env: str
) -> tuple[BotProcess, list[WorkerProcess]]:
    """Start a gateway and ``workers`` workers (concurrency 1, each its own data)."""
    bot = BotProcess(
        stub, tmp_path / "gateway", tmp_path / "bot.log", **distributed_env(redis_url, **env)
    )
    await bot.start()
    started = [
        WorkerProcess(bot, tmp_path / f"worker{n}", tmp_path / f"worker{n}.log")
        for n in range(workers)
    ]
    await asyncio.gather(*(worker.start(timeout=120) for worker in started))
    return bot, started


def job_of(ack: StubMessage) -> str:
    """The job id a status message shows."""
    return ack.content.split("`")[1]


async def ask(
    stub: DiscordStub, text: str, channel_id: int | None = None
) -> tuple[int, StubMessage]:
    """Type ``text`` (in the stub's channel by default); the request's id and the first reply."""
    request = int((await stub.send_user_message(text, channel_id=channel_id))["id"])
    return request, await stub.wait_for_message(lambda m: m.reply_to == request)


def runs(worker: WorkerProcess, job: str) -> int:
    """How many times ``worker`` started ``job`` (saq's "Processing" lines)."""
    return sum(
        1 for line in worker.log().splitlines() if "Processing" in line and f"key: {job}," in line
    )


async def running_on(workers: list[WorkerProcess], job: str, timeout: float = 60) -> WorkerProcess:
    """The worker that started ``job`` (waits until one has)."""
    async with asyncio.timeout(timeout):
        while not (found := [w for w in workers if runs(w, job)]):
            await asyncio.sleep(0.05)
    return found[0]


def carrying(stub: DiscordStub, request: int) -> list[int]:
    """The ids of the messages with files replying to ``request``."""
    return [m.id for m in stub.messages if m.reply_to == request and m.attachments]


async def shut(bot: BotProcess, workers: list[WorkerProcess]) -> None:
    """Stop everything; a worker still running a job is killed with its process group."""
    for worker in workers:
        if worker.proc is not None and worker.proc.returncode is None:
            os.killpg(worker.pid, signal.SIGKILL)  # its own session: only its processes
            await worker.proc.wait()
    assert await bot.stop() == 0, bot.log()[-3000:]


def text_of(message: StubMessage) -> str:
    """A message's content and embeds, as one text."""
    return message.content + json.dumps(message.embeds, ensure_ascii=False)
