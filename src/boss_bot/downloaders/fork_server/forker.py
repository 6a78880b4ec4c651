"""The bot's end of the download fork server (``_server``).

Made by the composition root (``bot.serve``, the CLI); started by ``warm_up`` or on
first use, and again if it dies. Requests (a fork, a reap) run on one thread under a
lock. ``multiprocessing``'s forkserver would inherit the bot's environment (the token).
"""

import contextlib
import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from loguru import logger

from boss_bot.downloaders.fork_server._link import SERVER, Link
from boss_bot.downloaders.fork_server.messages import JobSpec, Request
from boss_bot.errors import DownloadFailedError, FailureKind


def _failed(detail: str) -> DownloadFailedError:
    return DownloadFailedError(FailureKind.UNKNOWN, f"download fork server: {detail}")


class Forker:
    """Starts download children through a fork server and ends them."""

    def __init__(self, argv: list[str] | None = None) -> None:
        """Use the fork server started by ``argv`` (the real one by default)."""
        self._link = Link(argv or SERVER)
        self._lock = threading.Lock()
        self._children: set[int] = set()  # forked by the current server, not yet ended
        self.thread = ThreadPoolExecutor(1, "fork-server")  # the lock serialises anyway

    @property
    def pid(self) -> int | None:
        """The server's process id, while it runs."""
        return self._link.pid

    def ping(self) -> dict[str, Any]:
        """Start the server if needed; wait for its answer: seconds it took to load, failures."""
        with self._lock:
            self._link.open()
            return self._link.ask({"op": "ping"})

    def warm_up(self) -> None:
        """Start the server now rather than on the first job (a failure is only logged)."""
        with self._lock:
            try:
                self._link.open()
            except OSError as exc:
                logger.warning("could not start the download fork server: {}", exc)

    def start(self, spec: JobSpec, events_fd: int, stderr_fd: int) -> int:
        """Fork a child for ``spec`` writing to the two descriptors (closed here); its pid.

        Raises:
            DownloadFailedError: The server could not fork the child.
        """
        try:
            with self._lock:
                return self._start({"op": "start", "spec": spec}, [events_fd, stderr_fd])
        finally:
            for fd in (events_fd, stderr_fd):
                os.close(fd)

    def _start(self, request: Request, fds: list[int]) -> int:
        for _ in range(2):  # a server found dead is replaced once
            self._link.open()
            try:
                self._link.send(request, fds)
            except OSError:
                self._close()  # the request never arrived
                continue
            try:
                answer = self._link.receive()
            except (OSError, ValueError) as exc:
                self._close()  # it may have forked: not again (the orphan ends itself)
                raise _failed(repr(exc)) from None
            if "error" in answer:
                raise _failed(answer["error"])
            self._children.add(answer["pid"])
            return answer["pid"]
        raise _failed("it does not start")

    def kill(self, pid: int) -> None:
        """SIGKILL the child ``pid`` and its process group at once (any thread, no lock)."""
        if pid in self._children:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)

    def end(self, pid: int) -> int | None:
        """Kill the child ``pid`` with its process group and reap it; its exit code if known."""
        self.kill(pid)
        with self._lock:
            if pid not in self._children:
                return None  # its server is gone, and with it the child
            self._children.discard(pid)
            try:
                return self._link.ask({"op": "end", "pid": pid}).get("status")
            except (OSError, ValueError):
                self._close()
                return None

    def _close(self) -> None:
        self._link.close()
        self._children.clear()

    def __enter__(self) -> "Forker":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the server; any children it still has are killed."""
        with self._lock:
            self._close()
