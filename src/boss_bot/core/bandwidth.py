"""Sharing the download bandwidth: ``TOTAL_RATE_LIMIT`` split among running downloads.

Each running download holds a ``Share`` while its process runs (``Bandwidth.share``).
When one starts or ends every share is rebalanced: ``min(JOB_RATE_LIMIT, TOTAL / n)``
bytes per second for ``n`` running downloads, ``None`` when neither limit is set. Each
share's listeners are told its new rate at once (the downloader passes it on to its
process). The split is equal: a download that does not use its part (a slow server)
does not lend it to the others.

Downloads report what they have fetched (``Share.fetched``); ``Bandwidth.speed`` sums
their recent speeds, for ``/health``. Used on the event loop only.
"""

import contextlib
import time
from collections import deque
from collections.abc import Callable, Iterator

RateListener = Callable[[int | None], None]
"""Told a share's new rate in bytes per second (``None``: unlimited)."""
WINDOW = 3.0  # seconds of reports a download's current speed is measured over


class Share:
    """One running download's part of the bandwidth, and what it has fetched lately."""

    def __init__(self, rate: int | None) -> None:
        self.rate = rate
        self._listeners: list[RateListener] = []
        self._seen: deque[tuple[float, int]] = deque()

    def on_change(self, listener: RateListener) -> None:
        """Call ``listener`` with the share's rate each time it changes."""
        self._listeners.append(listener)

    def assign(self, rate: int | None) -> None:
        """Give the share a new rate (its ``Bandwidth`` does), telling the listeners."""
        if rate != self.rate:
            self.rate = rate
            for listener in self._listeners:
                listener(rate)

    def fetched(self, total: int, now: float | None = None) -> None:
        """Note that the download has ``total`` bytes so far (``now``: a monotonic time)."""
        now = time.monotonic() if now is None else now
        self._seen.append((now, total))
        self._forget(now)

    def _forget(self, now: float) -> None:
        """Drop the reports before the window (keeping the last one before it)."""
        while len(self._seen) > 1 and self._seen[1][0] <= now - WINDOW:
            self._seen.popleft()

    def speed(self, now: float | None = None) -> float:
        """Bytes per second over the last ``WINDOW`` seconds of reports (0 when stalled)."""
        now = time.monotonic() if now is None else now
        self._forget(now)
        if len(self._seen) < 2:
            return 0.0
        (first, before), (_, last) = self._seen[0], self._seen[-1]
        return max(last - before, 0) / max(now - first, 1e-3)


class Bandwidth:
    """The download bandwidth: ``total`` shared by the running downloads, ``per_job`` each.

    Args:
        total: Bytes per second for all running downloads together (``None``: unlimited).
        per_job: The most one download may take (``None``: no cap of its own).
    """

    def __init__(self, total: int | None = None, per_job: int | None = None) -> None:
        self.total, self.per_job = total, per_job
        self._shares: list[Share] = []

    def allotment(self, running: int) -> int | None:
        """Each download's rate when ``running`` downloads run."""
        split = max(self.total // max(running, 1), 1) if self.total is not None else None
        rates = [rate for rate in (split, self.per_job) if rate is not None]
        return min(rates) if rates else None

    @contextlib.contextmanager
    def share(self) -> Iterator[Share]:
        """Hold a share while one download runs; every share is rebalanced on entry and exit."""
        share = Share(self.allotment(len(self._shares) + 1))
        self._shares.append(share)
        self._rebalance()
        try:
            yield share
        finally:
            self._shares.remove(share)
            self._rebalance()

    def _rebalance(self) -> None:
        rate = self.allotment(len(self._shares))
        for share in list(self._shares):
            share.assign(rate)

    @property
    def running(self) -> int:
        """How many downloads hold a share."""
        return len(self._shares)

    def speed(self, now: float | None = None) -> float:
        """The running downloads' current speeds added up, in bytes per second."""
        return sum(share.speed(now) for share in self._shares)
