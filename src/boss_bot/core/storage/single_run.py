"""One process per data directory and shard set: a second one refuses to start.

Two bot processes on the same queue database would both run its jobs after a restart
(and both answer every command, with the same token); two workers on one data
directory would remove each other's job files as leftovers. The lock is ``flock`` on a
file of its own (SQLite's own locks are on its database files): the kernel releases it
when the process ends, however it ends, so a crash never leaves a stale lock, and
``$restart`` (which closes it before it runs the command line again) takes it anew.
"""

import fcntl
import os
from pathlib import Path
from types import TracebackType

from boss_bot.errors import ConfigError


class RunLock:
    """Held while a ``bossbotctl run`` or ``worker`` process serves (a context manager)."""

    def __init__(self, path: Path, what: str) -> None:
        """Lock ``path``; ``what`` names the process kind in the refusal (``bot``, ``worker``)."""
        self.path, self.what = path, what
        self._file: int | None = None

    def __enter__(self) -> "RunLock":
        """Take the lock, or refuse at once if another process holds it.

        Raises:
            ConfigError: Another process holds it (its pid, when it wrote one).
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)  # not inherited by children
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise ConfigError(
                f"Another boss-bot {self.what} (pid {holder}) is already running on "
                f"{self.path.parent} ({self.path.name}). Stop it first, or give this one "
                "its own BOSS_BOT_DATA_DIR."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._file = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Release it (the file stays: removing it would race a process taking it)."""
        if self._file is not None:
            os.close(self._file)  # closing the descriptor releases the flock
            self._file = None
