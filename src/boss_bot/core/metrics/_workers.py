"""The distributed mode's metrics, on ``/metrics`` only once the gateway reports them.

A single-process bot never calls ``workers`` or ``worker_retry``, so its page carries
none of these series and an alert on ``workers_connected == 0`` cannot fire for it.
Each metric joins the registry the first time it is set.
"""

import threading

from prometheus_client import CollectorRegistry, Counter, Gauge
from prometheus_client.registry import Collector


class Workers:
    """Workers the gateway sees, their slots, and jobs retried after a worker went silent."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self._registry = registry
        self._shown: set[int] = set()
        self._lock = threading.Lock()
        self.connected = Gauge(
            "workers_connected",
            "Workers connected to the broker that the gateway sees",
            registry=None,
        )
        self.slots = Gauge(
            "worker_slots", "Jobs the connected workers run at once, in all", registry=None
        )
        self.retries = Counter(
            "remote_job_retries",
            "Jobs a worker had taken, retried elsewhere because its heartbeat lapsed",
            ["worker"],
            registry=None,
        )

    def _show(self, metric: Collector) -> None:
        """Register ``metric`` the first time it is set (later calls do nothing)."""
        with self._lock:
            if id(metric) not in self._shown:
                self._registry.register(metric)
                self._shown.add(id(metric))

    def seen(self, connected: int, slots: int) -> None:
        """Set how many workers are connected and their total concurrency."""
        self.connected.set(connected)
        self.slots.set(slots)
        self._show(self.connected)
        self._show(self.slots)

    def retried(self, worker: str) -> None:
        """Count one job ``worker`` had taken that another worker took over."""
        self.retries.labels(worker).inc()
        self._show(self.retries)
