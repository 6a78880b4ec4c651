"""The processes of the fault tests: their logs, their children, and killing them."""

from __future__ import annotations

import asyncio
import signal

import psutil

from tests.support.bot_process import BotProcess
from tests.support.worker_process import WorkerProcess, alive


async def logged(process: BotProcess | WorkerProcess, text: str, timeout: float = 30) -> None:
    """Wait until ``process`` has logged ``text``."""
    async with asyncio.timeout(timeout):
        while text not in process.log():
            await asyncio.sleep(0.05)


def descendants(pid: int) -> set[int]:
    """The ids of every process below ``pid``."""
    try:
        return {child.pid for child in psutil.Process(pid).children(recursive=True)}
    except psutil.NoSuchProcess:
        return set()


async def gone(pids: set[int], timeout: float) -> None:
    """Wait until none of ``pids`` is alive."""
    async with asyncio.timeout(timeout):
        while any(alive(pid) for pid in pids):
            await asyncio.sleep(0.02)


async def kill(worker: WorkerProcess) -> int:
    """``kill -9`` the worker's own pid (not its group); its exit code."""
    assert worker.proc is not None
    worker.proc.send_signal(signal.SIGKILL)
    return await worker.proc.wait()
