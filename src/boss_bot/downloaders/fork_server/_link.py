"""One fork server process and the socket to it (used by ``forker.Forker``, under its lock)."""

import json
import socket
import subprocess
import sys
from typing import Any

from boss_bot.core.environment import child_env
from boss_bot.downloaders.fork_server.messages import Request

CLOSE_SECONDS = 0.5
ANSWER_SECONDS = 60  # the first answer waits for the server's imports
SERVER = [sys.executable, "-P", "-m", "boss_bot.downloaders.fork_server._server"]


class Link:
    """Starts the server on demand; sends requests with descriptors; reads answers."""

    def __init__(self, argv: list[str]) -> None:
        """Start servers with ``argv``."""
        self.argv = argv
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None
        self._lines: Any = None

    @property
    def pid(self) -> int | None:
        """The server's process id, while it runs."""
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

    def open(self) -> None:
        """Start a server unless one runs."""
        if self.pid is not None:
            return
        self.close()
        ours, theirs = socket.socketpair()
        with theirs:
            self._proc = subprocess.Popen(
                self.argv, stdin=theirs.fileno(), env=child_env(), start_new_session=True
            )
        ours.settimeout(ANSWER_SECONDS)
        self._sock, self._lines = ours, ours.makefile("rb")

    def send(self, request: Request, fds: list[int]) -> None:
        """Send one request line, the descriptors with its first bytes."""
        assert self._sock is not None
        data = json.dumps(request).encode() + b"\n"
        sent = socket.send_fds(self._sock, [data], fds)
        self._sock.sendall(data[sent:])

    def receive(self) -> dict[str, Any]:
        """Read one answer line.

        Raises:
            OSError: The server closed, or did not answer in time.
            ValueError: The answer was not JSON.
        """
        if not (line := self._lines.readline()):
            raise ConnectionResetError("the download fork server closed")
        return json.loads(line)

    def ask(self, request: Request) -> dict[str, Any]:
        """Send a request without descriptors and read its answer."""
        self.send(request, [])
        return self.receive()

    def close(self) -> None:
        """Close the socket: an idle server exits at once, killing its jobs; else kill it."""
        if self._sock is not None:
            self._lines.close()
            self._sock.close()
        if self._proc is not None:
            try:  # one still importing has no job to end
                self._proc.wait(CLOSE_SECONDS)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = self._sock = self._lines = None
