"""Entry point of a download child process (``python -m boss_bot.downloaders._child``).

Each job runs in its own process: gallery-dl's process-global config cannot leak
between jobs, a cancelled or timed-out job is ended by killing the process (sockets
included), and the address guard applies to the downloaders only.

Protocol: the job spec arrives as one JSON line on stdin; events leave as JSON
lines on the original stdout (``progress``, then ``done`` or ``error``). Anything the
libraries print goes to stderr, which the parent logs. If the parent goes away (the
bot crashed or was killed), the child notices within half a second and exits; an
alarm ends it in any case a little after the job's timeout.
"""

import json
import os
import signal
import sys
import threading
import time
import traceback
from typing import Any

from boss_bot.errors import DownloadFailedError, FailureKind

MAX_DETAIL = 4000  # characters of error detail sent to the parent (one event line)


def _events_stream() -> Any:
    """Keep the real stdout for events and send everything else printed to stderr."""
    events = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    return events


def _exit_when_orphaned(parent: int) -> None:
    """Exit the process as soon as the parent process is gone."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(3)


def main() -> int:
    """Run one job described on stdin and report on stdout."""
    parent = os.getppid()
    events = _events_stream()

    def emit(**event: Any) -> None:
        events.write(json.dumps(event) + "\n")

    spec = json.loads(sys.stdin.readline())
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    signal.alarm(int(spec.get("timeout", 300)) + 30)
    if not spec.get("allow_private"):
        from boss_bot.downloaders import _guard

        _guard.install()
    try:
        if spec["engine"] == "yt-dlp":
            from boss_bot.downloaders._ytdlp_child import run
        else:
            from boss_bot.downloaders._gallerydl_child import run
        run(spec, emit)
        emit(event="done")
    except DownloadFailedError as exc:
        emit(event="error", kind=exc.kind.value, detail=exc.detail[-MAX_DETAIL:])
    except Exception as exc:
        detail = "".join(traceback.format_exception(exc))
        emit(event="error", kind=FailureKind.UNKNOWN.value, detail=detail[-MAX_DETAIL:])
    events.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
