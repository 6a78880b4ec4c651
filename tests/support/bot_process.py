"""Starting the real ``bossbotctl run`` process against a ``DiscordStub``."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from pathlib import Path

from .discord_stub import DiscordStub, StubMessage

BOSSBOTCTL = Path(sys.executable).with_name("bossbotctl")
STARTED: set[BotProcess] = set()  # started and not yet stopped, for ``kill_left``


def kill_left() -> None:
    """``kill -9`` every bot process a test left running (a failure before its ``stop``).

    Its fork server and download children follow it (``PR_SET_PDEATHSIG``).
    """
    for bot in list(STARTED):
        if bot.proc is not None and bot.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(bot.proc.pid, signal.SIGKILL)
        STARTED.discard(bot)


class BotProcess:
    """The bot as a separate OS process, configured only through its environment.

    Args:
        stub: The Discord stub to connect to.
        data_dir: ``BOSS_BOT_DATA_DIR``.
        log_path: Where the process's output goes.
        **env: More ``BOSS_BOT_*`` settings, by their suffix (``MAX_QUEUE_SIZE="3"``).
    """

    def __init__(self, stub: DiscordStub, data_dir: Path, log_path: Path, **env: str) -> None:
        self.stub = stub
        self.log_path = log_path
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("BOSS_BOT_")},
            "BOSS_BOT_DISCORD_TOKEN": "stub-token.not.real",
            "BOSS_BOT_DISCORD_API_URL": stub.api_url,
            "BOSS_BOT_DISCORD_GATEWAY_URL": stub.gateway_url,
            "BOSS_BOT_DATA_DIR": str(data_dir),
            "BOSS_BOT_ALLOW_PRIVATE_URLS": "true",
            "BOSS_BOT_LOG_LEVEL": "DEBUG",
            "BOSS_BOT_MIN_FREE_MB": "0",  # not this machine's free disk
            "BOSS_BOT_DOWNLOADS_PER_MINUTE": "0",  # benchmarks and crash tests queue many
            "BOSS_BOT_MAX_WAITING_PER_USER": "1000",  # from one member, in one server
            "BOSS_BOT_MAX_WAITING_PER_GUILD": "1000",
            **{f"BOSS_BOT_{k}": v for k, v in env.items()},
        }
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self, timeout: float = 30) -> None:
        """Start the process and wait until it is connected and has the guild."""
        ready_before = len(self.stub.events_of("ready"))
        log = self.log_path.open("ab")
        self.proc = await asyncio.create_subprocess_exec(
            str(BOSSBOTCTL),
            "run",
            env=self.env,
            cwd=self.log_path.parent,
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
            stdin=asyncio.subprocess.DEVNULL,
        )
        log.close()
        STARTED.add(self)
        await self.stub.wait_ready(timeout=timeout, min_ready=ready_before + 1)

    async def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> int:
        """Send ``sig`` and wait for the exit code; kill it (and say so) after ``timeout``."""
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(sig)
        try:
            return await asyncio.wait_for(self.proc.wait(), timeout)
        except TimeoutError:
            self.proc.send_signal(signal.SIGUSR1)  # the bot dumps its threads' stacks
            await asyncio.sleep(1)
            self.proc.kill()
            await self.proc.wait()
            tail = self.log()[-3000:]
            raise AssertionError(f"bot did not exit {timeout}s after {sig}:\n{tail}") from None

    def log(self) -> str:
        """Everything the process printed so far."""
        return self.log_path.read_text(errors="replace")


async def start_download(stub: DiscordStub, url: str) -> tuple[int, StubMessage]:
    """Type ``$dl url``; wait until its status message says it is downloading.

    Returns:
        The request's message id and the bot's status message.
    """
    request = int((await stub.send_user_message(f"$dl {url}"))["id"])
    ack = await stub.wait_for_message(lambda m: m.reply_to == request)
    await stub.wait_for_message(lambda m: m.id == ack.id and "downloading" in m.content)
    return request, ack
