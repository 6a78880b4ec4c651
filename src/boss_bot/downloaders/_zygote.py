"""The download fork server: imports the downloaders once, forks a child per job.

Run as ``python -m boss_bot.downloaders._zygote`` by ``forker.Forker``, with the
cleaned child environment (no token, no proxies) and a Unix stream socket as fd 0.
Importing yt-dlp costs about 0.7 s of CPU and 50 MB; a child forked from here starts
in milliseconds and shares those pages with this process (``gc.freeze``, as the
``gc`` documentation advises for fork without exec). Each child is still one job in
its own session: its own gallery-dl config, the address guard, a hard kill.

Requests are JSON lines; one answer line each:

- ``{"op": "start", "spec": {...}}`` with two descriptors (the events and stderr
  pipes' write ends) → ``{"pid": N}``;
- ``{"op": "end", "pid": N}`` → the job's process group is killed and the child
  reaped → ``{"status": exit code}``;
- ``{"op": "ping"}`` → what ``preload`` reported (seconds, failed warming steps).

End of file on the socket means the bot is gone: every job still known is killed.
"""

import contextlib
import gc
import json
import os
import signal
import socket
import sys

from boss_bot.downloaders import _child
from boss_bot.downloaders._preload import preload

MAX_REQUEST = 1 << 16


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _become_job(spec: dict, fds: list[int]) -> None:
    """In the forked child: a session of its own, the pipes as stdout/stderr; never returns."""
    code = 1
    try:
        gc.enable()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.setsid()
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # also closes the control socket
        os.dup2(fds[1], 1)  # whatever the libraries print goes to stderr
        os.dup2(fds[1], 2)
        os.chdir(spec["dest"])
        with os.fdopen(fds[0], "w", buffering=1, encoding="utf-8") as events:
            code = _child.run_job(spec, events)
    finally:
        sys.stdout.flush()
        os._exit(code)


def _start(spec: dict, fds: list[int]) -> int:
    gc.freeze()
    pid = os.fork()
    if pid == 0:
        _become_job(spec, fds)
    for fd in fds:
        os.close(fd)
    return pid


def _end(pid: int) -> int:
    _kill(pid)
    try:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    except ChildProcessError:
        return -1


def serve(control: socket.socket, loaded: dict) -> None:
    """Answer requests until the bot closes its end, then kill what is left."""
    jobs: set[int] = set()
    pending, fds = b"", []
    while True:
        data, got, _, _ = socket.recv_fds(control, MAX_REQUEST, 2)
        if not data:
            break
        pending, fds = pending + data, fds + got
        if not pending.endswith(b"\n"):
            continue
        request, pending = json.loads(pending), b""
        if request["op"] == "start":
            pid, fds = _start(request["spec"], fds), []
            jobs.add(pid)
            answer = {"pid": pid}
        elif request["op"] == "ping":
            answer = loaded
        else:
            jobs.discard(request["pid"])
            answer = {"status": _end(request["pid"])}
        control.sendall(json.dumps(answer).encode() + b"\n")
    for pid in jobs:
        _end(pid)


def main() -> None:
    """Preload, then serve on fd 0."""
    gc.disable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the bot decides when we stop
    loaded = preload()
    with socket.socket(fileno=0) as control:
        serve(control, loaded)


if __name__ == "__main__":
    main()
