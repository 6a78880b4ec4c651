"""Starting real ``bossbotctl worker`` processes for the distributed mode's tests."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from pathlib import Path

from .bot_process import BOSSBOTCTL, BotProcess

FAST_TIMERS = {  # saq's timers shortened so a dead worker's job moves on in seconds
    "BROKER_HEARTBEAT_SECONDS": "3",
    "BROKER_SWEEP_SECONDS": "1",
    "BROKER_POLL_SECONDS": "0.2",
}


LIVE: set[WorkerProcess] = set()  # started and not yet reaped, for ``kill_all``


def kill_all() -> None:
    """Kill every worker a test left running, with its process group (its children)."""
    for worker in list(LIVE):
        if worker.proc is not None and worker.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(worker.proc.pid, signal.SIGKILL)
        LIVE.discard(worker)


class WorkerProcess:
    """A worker as a separate OS process, with the bot's environment but its own data."""

    def __init__(self, bot: BotProcess, data_dir: Path, log_path: Path, concurrency: int = 1):
        self.env = {**bot.env, "BOSS_BOT_DATA_DIR": str(data_dir)}
        self.log_path, self.concurrency = log_path, concurrency
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self, timeout: float = 60) -> None:
        """Start the worker; wait until it takes jobs (its fork server is warm)."""
        log = self.log_path.open("ab")
        self.proc = await asyncio.create_subprocess_exec(
            str(BOSSBOTCTL),
            "worker",
            "--concurrency",
            str(self.concurrency),
            env=self.env,
            cwd=self.log_path.parent,
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
            stdin=asyncio.subprocess.DEVNULL,
            start_new_session=True,  # its own group: the test can kill it with its children
        )
        log.close()
        LIVE.add(self)
        async with asyncio.timeout(timeout):
            while "job(s) at once" not in self.log():
                assert self.proc.returncode is None, self.log()[-3000:]
                await asyncio.sleep(0.05)

    async def stop(self, sig: int = signal.SIGTERM, timeout: float = 40) -> int:
        """Send ``sig`` and wait for the exit code."""
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(sig)
        try:
            return await asyncio.wait_for(self.proc.wait(), timeout)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
            raise AssertionError(f"worker did not exit:\n{self.log()[-3000:]}") from None

    @property
    def pid(self) -> int:
        """The worker's process id."""
        assert self.proc is not None
        return self.proc.pid

    def log(self) -> str:
        """Everything the process printed so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def distributed_env(redis_url: str, **more: str) -> dict[str, str]:
    """Settings for a gateway and its workers on ``redis_url`` (BotProcess's ``**env``)."""
    return {"BROKER_URL": redis_url, **FAST_TIMERS, **more}


def alive(pid: int) -> bool:
    """Whether a process still exists (not a zombie of ours)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not status.exists() or status.read_text().split()[2] != "Z"
