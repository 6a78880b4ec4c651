"""The bot's end of the download fork server (``_server``).

Made by the composition root (``bot.serve``, the CLI); started by ``warm_up`` or on
first use, and again if it dies. Requests (a fork, a reap, which library claims a
link) run on one thread under a lock. ``multiprocessing``'s forkserver would inherit
the bot's environment (the token).
"""

import contextlib
import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from loguru import logger

from boss_bot.downloaders.fork_server._forking import fork
from boss_bot.downloaders.fork_server._link import SERVER, Link
from boss_bot.downloaders.fork_server.messages import Claims, JobSpec, StartRequest

NO_CLAIMS: Claims = {"claimed": {}, "seconds": 0.0}


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

    def claims(self, url: str) -> Claims:
        """Which libraries' own extractors claim ``url``, asked of the server (no fork, no import).

        None, logged, when the server cannot answer: the router's default order applies.
        """
        with self._lock:
            try:
                self._link.open()
                answer: dict[str, Any] = self._link.ask({"op": "claims", "url": url})
            except (OSError, ValueError) as exc:
                self._close()  # a server that does not answer is of no use to the next job
                answer = {"error": repr(exc)}
        if "error" in answer:
            logger.warning("could not ask the fork server who claims a link: {}", answer["error"])
            return NO_CLAIMS
        return {"claimed": answer["claimed"], "seconds": answer["seconds"]}

    def warm_up(self) -> None:
        """Start the server now rather than on the first job (a failure is only logged)."""
        with self._lock:
            try:
                self._link.open()
            except OSError as exc:
                logger.warning("could not start the download fork server: {}", exc)

    def start(self, spec: JobSpec, *fds: int) -> int:
        """Fork a child for ``spec`` with ``fds`` (closed here: events, stderr, rate); its pid.

        Raises:
            DownloadFailedError: The server could not fork the child.
        """
        try:
            with self._lock:
                request: StartRequest = {"op": "start", "spec": spec}
                pid = fork(self._link, request, list(fds), self._close)
                self._children.add(pid)
                return pid
        finally:
            for fd in fds:
                os.close(fd)

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
