"""A real ``redis-server`` on a free loopback port, with a password and the append-only file.

The distributed mode's tests use it (fakeredis cannot be killed or restarted). When the
binary is missing, they are skipped with the reason.
"""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import time
from pathlib import Path

REDIS_SERVER = shutil.which("redis-server")
SKIP_REASON = "redis-server is not installed (apt install redis-server; CI installs it)"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """One redis-server process; ``restart`` keeps its port, password and data."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir, self.port = data_dir, _free_port()
        self.password = secrets.token_hex(8)
        self.proc: subprocess.Popen[bytes] | None = None
        data_dir.mkdir(parents=True, exist_ok=True)

    @property
    def url(self) -> str:
        """The broker URL the bot and the workers are given."""
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10) -> None:
        """Start the server and wait until it answers."""
        assert REDIS_SERVER is not None, SKIP_REASON
        args = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
        args += ["--requirepass", self.password, "--dir", str(self.data_dir)]
        args += ["--appendonly", "yes", "--appendfsync", "always", "--save", ""]
        log = (self.data_dir / "redis.log").open("ab")
        self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    sock.sendall(f"AUTH {self.password}\r\nPING\r\n".encode())
                    if b"PONG" in sock.recv(100):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"redis-server did not start on {self.port}")

    def stop(self) -> None:
        """Stop the server (SIGTERM; its append-only file is already written)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None

    def restart(self) -> None:
        """Stop and start again on the same port with the same data."""
        self.stop()
        self.start()
