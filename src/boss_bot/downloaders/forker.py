"""The bot's end of the download fork server (``_zygote``).

Started by ``warm_up`` or on first use, and again if it dies. Requests (a fork, a reap)
are made from worker threads under a lock: no event loop needed. ``multiprocessing``'s
forkserver would inherit the bot's environment (the token), with no group per job.
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from typing import Any

from loguru import logger

from boss_bot.downloaders._env import child_env
from boss_bot.errors import DownloadFailedError, FailureKind

CLOSE_SECONDS = 0.5
ANSWER_SECONDS = 60  # the first answer waits for the server's imports
SERVER = [sys.executable, "-P", "-m", "boss_bot.downloaders._zygote"]


class Forker:
    """Starts download children through a fork server and ends them."""

    def __init__(self, argv: list[str] | None = None) -> None:
        """Use the fork server started by ``argv`` (the real one by default)."""
        self._argv = argv or SERVER
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None
        self._lines: Any = None

    @property
    def pid(self) -> int | None:
        """The server's process id, while it runs."""
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

    def ping(self) -> dict[str, Any]:
        """Start the server if needed; wait for its answer: seconds it took to load, failures."""
        with self._lock:
            self._ensure()
            return self._ask({"op": "ping"}, [])

    def warm_up(self) -> None:
        """Start the server now rather than on the first job (a failure is only logged)."""
        with self._lock:
            try:
                self._ensure()
            except OSError as exc:
                logger.warning("could not start the download fork server: {}", exc)

    def _ensure(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        self._close()
        ours, theirs = socket.socketpair()
        with theirs:
            self._proc = subprocess.Popen(
                self._argv, stdin=theirs, env=child_env(), start_new_session=True
            )
        ours.settimeout(ANSWER_SECONDS)
        self._sock, self._lines = ours, ours.makefile("rb")

    def _ask(self, request: dict[str, Any], fds: list[int]) -> dict[str, Any]:
        assert self._sock is not None
        socket.send_fds(self._sock, [json.dumps(request).encode() + b"\n"], fds)
        line = self._lines.readline()
        if not line:
            raise ConnectionResetError("the download fork server closed")
        return json.loads(line)

    def start(self, spec: dict[str, Any], events_fd: int, stderr_fd: int) -> int:
        """Fork a child for ``spec`` writing to the two descriptors; return its pid."""
        with self._lock:
            for _ in range(2):  # a server that died is replaced once
                self._ensure()
                try:
                    return int(
                        self._ask({"op": "start", "spec": spec}, [events_fd, stderr_fd])["pid"]
                    )
                except (OSError, ValueError):
                    self._close()
        raise DownloadFailedError(FailureKind.UNKNOWN, "the download fork server does not answer")

    def end(self, pid: int) -> int | None:
        """Kill the child ``pid`` with its process group; return its exit code if known."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)  # at once, not after another job's request
        with self._lock:
            try:
                return self._ask({"op": "end", "pid": pid}, [])["status"]
            except (OSError, ValueError, AssertionError):
                return None  # the server is gone; the orphan ends itself

    def _close(self) -> None:
        if self._sock is not None:
            self._lines.close()
            self._sock.close()
        if self._proc is not None:
            try:  # an idle server exits at once; one still importing has no job to end
                self._proc.wait(CLOSE_SECONDS)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = self._sock = self._lines = None

    def close(self) -> None:
        """Stop the server; any children it still has are killed."""
        with self._lock:
            self._close()


FORKER = Forker()
