"""Each member's download budget: ``DOWNLOADS_PER_MINUTE``, shared by every way to start one.

Typed and slash commands, the "Download media" message command and 🔄 all spend from
the same budget, so using them all does not add up to more. The window slides: at
most ``per_minute`` jobs start in any 60 seconds.
"""

import math
import time
from collections import deque
from collections.abc import Callable

from boss_bot.errors import SlowDownError

WINDOW = 60.0


class DownloadBudget:
    """Downloads each member started in the last minute; ``per_minute`` 0 means no limit."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._started: dict[int, deque[float]] = {}

    def check(self, user_id: int) -> None:
        """Raise ``SlowDownError`` (with the wait) if ``user_id`` has no download left now."""
        if not self.per_minute:
            return
        now = self.clock()
        started = self._started.get(user_id, deque())
        while started and started[0] <= now - WINDOW:
            started.popleft()
        if not started:
            self._started.pop(user_id, None)
        elif len(started) >= self.per_minute:
            wait = max(math.ceil(started[0] + WINDOW - now), 1)
            raise SlowDownError(
                f"Slow down: try again in {wait} s. Each member may start "
                f"{self.per_minute} downloads a minute (commands and 🔄 together).",
                retry_after=wait,
            )

    def spend(self, user_id: int) -> None:
        """Count a download ``user_id`` starts now."""
        if self.per_minute:
            self._started.setdefault(user_id, deque()).append(self.clock())

    def refund(self, user_id: int) -> None:
        """Give back the last download counted for ``user_id`` (it was never queued)."""
        started = self._started.get(user_id)
        if started:
            started.pop()
