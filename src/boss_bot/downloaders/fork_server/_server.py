"""The download fork server: imports the downloaders once, forks a child per job.

Started by ``forker.Forker`` with the cleaned child environment and a Unix stream
socket as fd 0. Importing and warming the libraries costs about 1.5 s of CPU once; a
forked child starts in milliseconds and shares those pages until it writes to them
(reference counts do; ``gc.freeze`` keeps the collector from it). Each child is one job
in its own session: its own gallery-dl config, the address guard, a hard kill.

Requests are JSON lines; one answer line each (``{"error": ...}`` if one fails):

- ``{"op": "start", "spec": {...}}`` with the events and stderr pipes' write ends and
  the rate pipe's read end → ``{"pid": N}``;
- ``{"op": "end", "pid": N}`` → the job's process group is killed and the child
  reaped → ``{"status": exit code}`` (``null`` for a pid that is not a job here);
- ``{"op": "ping"}`` → what ``preload`` reported (seconds, failed warming steps);
- ``{"op": "claims", "url": U}`` → which libraries' own extractors claim U
  (``libraries.claims``), answered by a throwaway copy of the server (``_throwaway``).

End of file on the socket means the bot is gone: every job still known is killed.
"""

import contextlib
import gc
import json
import os
import signal
import socket

from boss_bot.downloaders.fork_server import _child
from boss_bot.downloaders.fork_server._preload import before_fork, preload
from boss_bot.downloaders.fork_server._throwaway import ask_in_fork
from boss_bot.downloaders.fork_server.messages import JobSpec, Request

MAX_REQUEST = 1 << 16
MAX_FDS = 3  # a start's: events, stderr, rate


def _start(spec: JobSpec, fds: list[int]) -> int:
    server, spec = os.getpid(), before_fork(spec)
    pid = os.fork()
    if pid == 0:
        _child.become_job(spec, fds, server)
    for fd in fds:
        os.close(fd)
    return pid


def _end(pid: int) -> int:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:  # not yet its own group: the child itself
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _answer(request: Request, fds: list[int], jobs: set[int], loaded: dict) -> dict:
    if request["op"] == "start":
        pid = _start(request["spec"], fds)
        jobs.add(pid)
        return {"pid": pid}
    if request["op"] == "end":
        known = request["pid"] in jobs  # never a pid this server did not fork
        jobs.discard(request["pid"])
        return {"status": _end(request["pid"]) if known else None}
    if request["op"] == "ping":
        return loaded
    if request["op"] == "claims":
        from boss_bot.downloaders.libraries.claims import claims  # loaded by ``preload``

        return ask_in_fork(claims, request["url"])  # the walk would copy the jobs' pages
    raise ValueError(f"unknown request {request['op']!r}")


def serve(control: socket.socket, loaded: dict) -> None:
    """Answer requests until the bot closes its end, then kill what is left."""
    jobs: set[int] = set()
    pending, fds = b"", []
    try:
        while True:
            data, got, _, _ = socket.recv_fds(control, MAX_REQUEST, MAX_FDS)
            if not data:
                break
            pending, fds = pending + data, fds + got
            if not pending.endswith(b"\n"):
                continue
            try:
                answer = _answer(json.loads(pending), fds, jobs, loaded)
            except Exception as exc:  # a failed fork must not end the other jobs
                for fd in fds:
                    os.close(fd)
                answer = {"error": repr(exc)}
            pending, fds = b"", []
            control.sendall(json.dumps(answer).encode() + b"\n")
    finally:
        for pid in jobs:
            with contextlib.suppress(OSError):
                _end(pid)


def main() -> None:
    """Preload, then serve on fd 0."""
    gc.disable()  # no collections while importing: fewer holes in shared pages
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the bot decides when we stop
    loaded = preload()
    gc.freeze()
    gc.enable()
    with socket.socket(fileno=0) as control:
        serve(control, loaded)


if __name__ == "__main__":
    main()
