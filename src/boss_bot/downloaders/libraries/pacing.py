"""Pacing one download to a rate the bot changes while it runs (its share of the bandwidth).

Runs inside a download child. The libraries' own limits are not used because both
measure from the first byte of the file (yt-dlp's ``FileDownloader.slow_down``: bytes
since the file's start over the time since; gallery-dl's ``HttpDownloader`` takes
``rate`` once per file in ``_receive_rate`` and paces from the file's start too). A
rate raised part-way through a file would then let it burst until its average caught
up (two jobs at 1M for 10 s, then one alone at 2M: 10 MB at once, over the total), and a
rate lowered would stall it for as long as it had run.

So the child paces itself, from the callback each library calls after every block it
writes (yt-dlp's ``progress_hooks``, gallery-dl's ``job.out.progress`` with its
``progress`` option at 0): ``Pace.advance`` sleeps until the bytes so far are due at the
current rate. It keeps a virtual clock (the time the bytes counted so far may have
arrived by), never more than ``CREDIT`` seconds behind the real one, so a pause (a new
file's extraction) does not turn into a burst. A new rate applies from the next block.
"""

import threading
import time
from collections.abc import Callable
from typing import Any

CREDIT = 0.25  # seconds of unused rate a download may catch up on at once
BLOCKS = {"buffersize": 64 * 1024, "noresizebuffer": True}
"""yt-dlp options while paced: even 64 kB reads (it would grow a block up to 4 MB)."""


class Pace:
    """Sleeps in the downloading thread to hold it to ``rate`` (bytes/s, ``None``: free).

    Args:
        rate: The rate at the start.
        clock: Monotonic seconds (tests give a fake one).
        sleep: Waits that many seconds.
    """

    def __init__(
        self,
        rate: int | None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.rate, self.clock, self.sleep = rate, clock, sleep
        self._lock = threading.Lock()
        self._due = float("-inf")  # when the bytes counted so far may all have arrived
        self._transfer: object = None
        self._done = 0

    def set(self, rate: int | None) -> None:
        """Change the rate (from the thread that reads the bot's pipe)."""
        with self._lock:
            self.rate = rate

    def advance(self, done: int, transfer: object) -> None:
        """``done`` bytes of ``transfer`` (a file) are in: wait until they are due.

        The first report of a transfer only sets its start (a resumed file begins at its
        partial size); a smaller ``done`` starts it again (the library retried).
        """
        if transfer != self._transfer or done < self._done:
            self._transfer, self._done = transfer, done
            return
        fresh, self._done = done - self._done, done
        with self._lock:
            rate = self.rate
        if rate is None or fresh == 0:
            return
        now = self.clock()
        self._due = max(self._due, now - CREDIT) + fresh / rate
        if self._due > now:
            self.sleep(self._due - now)

    def ytdlp_hook(self, status: dict[str, Any]) -> None:
        """A yt-dlp progress hook: each downloaded block of a file (or of its fragments)."""
        if status.get("status") == "downloading":
            transfer = status.get("tmpfilename") or status.get("filename")
            self.advance(int(status.get("downloaded_bytes") or 0), transfer)


def read_rates(lines: Any, pace: Pace) -> None:
    """Set ``pace``'s rate from each line the bot writes (a JSON number or ``null``).

    Runs in a daemon thread until the bot closes its end.
    """
    for line in lines:
        text = line.strip()
        if text.isdigit() or text == b"null":
            pace.set(int(text) if text.isdigit() else None)
