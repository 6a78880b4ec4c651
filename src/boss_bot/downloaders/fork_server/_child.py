"""One download job inside a child process forked by the fork server (``_server``).

Each job runs in its own process: gallery-dl's process-global config cannot leak
between jobs, a cancelled or timed-out job is ended by killing its process group
(sockets included), and the address guard applies to the downloaders only.

Events leave as JSON lines on the events pipe (``progress``, then ``done`` or
``error``); anything the libraries print goes to stderr, which the bot logs. The job's
share of the bandwidth arrives on a third pipe as it changes (``libraries.pacing``). If the
fork server goes away, the child notices within half a second and exits; an alarm
ends it in any case a little after the job's timeout.
"""

import gc
import json
import os
import signal
import sys
import threading
import time
import traceback
from typing import Any, TextIO

from boss_bot.downloaders.fork_server.messages import JobSpec
from boss_bot.downloaders.libraries.pacing import Pace, read_rates
from boss_bot.errors import DownloadFailedError, FailureKind

MAX_DETAIL = 4000  # characters of error detail sent to the parent (one event line)


def become_job(spec: JobSpec, fds: list[int], server: int) -> None:
    """Turn the process just forked by ``server`` into the job; never returns.

    Args:
        spec: The job.
        fds: The events and stderr pipes' write ends, then the rate pipe's read end.
        server: The fork server's pid, taken before the fork.
    """
    code = 1
    try:
        os.setsid()  # first: from here on, killing the group kills this job
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        gc.enable()
        null = os.open(os.devnull, os.O_RDONLY)
        for target, fd in ((0, null), (1, fds[1]), (2, fds[1])):  # fd 0 was the socket
            os.dup2(fd, target)
        for fd in (null, fds[1]):
            os.close(fd)
        for fd in (fds[0], *fds[2:]):
            os.set_inheritable(fd, False)
        os.chdir(spec["dest"])
        with os.fdopen(fds[0], "w", buffering=1, encoding="utf-8") as events:
            code = run_job(spec, events, server, fds[2] if len(fds) > 2 else None)
    finally:
        sys.stdout.flush()
        os._exit(code)


def _exit_when_orphaned(parent: int) -> None:
    """Exit the process as soon as the parent process is gone."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(3)


def _paced(spec: JobSpec, rates: int | None) -> Pace | None:
    """The job's pace, following the rates the bot writes on ``rates`` (``None``: free)."""
    if spec.get("rate") is None:  # no limit is set: none will come
        return None
    pace = Pace(spec.get("rate"))
    if rates is not None:
        lines = os.fdopen(rates, "rb", 0)
        threading.Thread(target=read_rates, args=(lines, pace), daemon=True).start()
    return pace


def run_job(spec: JobSpec, events: TextIO, server: int, rates: int | None = None) -> int:
    """Run the job ``spec`` describes and report on ``events``; return the exit code.

    ``rates`` is the read end of the pipe its share of the bandwidth comes on.
    """

    def emit(**event: Any) -> None:
        events.write(json.dumps(event) + "\n")

    threading.Thread(target=_exit_when_orphaned, args=(server,), daemon=True).start()
    signal.alarm(int(spec.get("timeout", 300)) + 30)
    if not spec.get("allow_private"):
        from boss_bot.downloaders.libraries import guard

        guard.install()
    try:
        if spec["engine"] == "yt-dlp":
            from boss_bot.downloaders.libraries.ytdlp import run
        else:
            from boss_bot.downloaders.libraries.gallerydl import run
        emit(event="done", **(run(spec, emit, _paced(spec, rates)) or {}))
    except DownloadFailedError as exc:
        emit(event="error", kind=exc.kind.value, detail=exc.detail[-MAX_DETAIL:])
    except Exception as exc:
        detail = "".join(traceback.format_exception(exc))
        emit(event="error", kind=FailureKind.UNKNOWN.value, detail=detail[-MAX_DETAIL:])
    return 0
