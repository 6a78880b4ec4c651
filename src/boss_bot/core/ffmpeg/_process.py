"""Starting ffmpeg and ffprobe: cleaned environment, bounded memory, gone with the bot.

Each child gets ``child_env()`` (no token), an address-space limit (``RLIMIT_AS``) and,
on Linux, a parent-death signal, so a bot killed with ``kill -9`` takes its encodes with
it. Both are set between fork and exec by ``_confine``: the bot has threads there, so it
only makes two system calls through functions looked up at import time. The signal
follows the thread that started the child, which is the event loop's, alive as long as
the bot. macOS has no
parent-death signal and does not enforce ``RLIMIT_AS``; there neither is set.
"""

import asyncio
import contextlib
import ctypes
import os
import resource
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from loguru import logger

from boss_bot.core.environment import child_env

LINUX = sys.platform == "linux"
_PR_SET_PDEATHSIG = 1
_prctl = ctypes.CDLL(None, use_errno=True).prctl if LINUX else None
_setrlimit, _RLIMIT_AS = resource.setrlimit, resource.RLIMIT_AS
DEFAULT_MEMORY_MB = 1024


def _confine(memory_mb: int, parent: int) -> Callable[[], None] | None:
    """The code the child runs before exec (Linux), or ``None`` where it would do nothing."""
    prctl = _prctl
    if prctl is None:  # not Linux
        return None
    limit = memory_mb * 1024 * 1024

    def confine() -> None:
        _setrlimit(_RLIMIT_AS, (limit, limit))
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the bot died before the signal was armed
            os._exit(1)

    return confine


async def run(
    args: list[str], time_limit: float, memory_mb: int = DEFAULT_MEMORY_MB
) -> tuple[int, bytes]:
    """Run a tool; returns its exit code and stdout. Killed on timeout (then 124) or cancel."""
    proc = await asyncio.create_subprocess_exec(
        *args,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        start_new_session=True,
        env=child_env(),
        preexec_fn=_confine(memory_mb, os.getpid()),
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(), time_limit)
    except TimeoutError:
        logger.warning("{} timed out after {:.0f} s", Path(args[0]).name, time_limit)
        return 124, b""
    finally:
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            await proc.wait()
    if proc.returncode:
        logger.debug("{} exited {}: {}", Path(args[0]).name, proc.returncode, err[-1500:])
    return proc.returncode or 0, out
