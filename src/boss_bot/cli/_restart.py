"""Running the same command line again in this process, for ``$restart``.

``os.execv`` keeps the process id, so a service manager (systemd, launchd) sees no exit,
and a terminal keeps its foreground job. ``sys.orig_argv`` is the command line the
interpreter was started with (``python …/bin/bossbotctl run``, ``python -m boss_bot``),
options included; ``sys.executable`` is this environment's python, so the new process
imports the libraries installed there now (an upgraded yt-dlp). Called once the event
loop, the Discord connection, the download server and the queue database are closed.
"""

import contextlib
import os
import sys
from pathlib import Path
from typing import NoReturn

from loguru import logger

from boss_bot.cli._common import fail

_FD_DIRS = (Path("/proc/self/fd"), Path("/dev/fd"))  # Linux, macOS


def _open_fds() -> list[int]:
    for folder in _FD_DIRS:
        try:
            return sorted(int(name) for name in os.listdir(folder))
        except OSError:
            continue
    return []


def keep_only_standard_streams() -> None:
    """Mark every descriptor above stderr close-on-exec, whoever opened it.

    Python opens its files and sockets so already (PEP 446); a C library might not.
    Nothing is closed here, so a failed exec leaves this process as it was.
    """
    for fd in _open_fds():
        if fd > 2:
            with contextlib.suppress(OSError):  # the listing's own descriptor, gone now
                os.set_inheritable(fd, False)


def restart_in_place() -> NoReturn:
    """Replace this process with a new run of the same command line (same pid)."""
    argv = list(sys.orig_argv)
    logger.info("restarting in place: {}", " ".join(argv))
    logger.remove()  # flushes and closes the log sinks; the new process opens its own
    sys.stdout.flush()
    sys.stderr.flush()
    keep_only_standard_streams()
    try:
        os.execv(sys.executable, argv)  # noqa: S606 - our own command line, no shell
    except OSError as exc:  # e.g. the interpreter was removed: a service manager starts us again
        fail(f"could not restart ({exc.strerror}); start the bot again", code=1)
