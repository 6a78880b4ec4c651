"""Prometheus metrics with seed 003's names (``$stats`` reads the history instead).

Each ``Metrics`` has its own registry (tests and several bots in one process stay
apart). Jobs report when they finish (``finished``); the bot reports command
latency and errors; ``refresh`` samples memory, CPU, the queue, temp files, the disk,
the download speed and Discord's latency just before a scrape (``_sampled``). In the
distributed mode the gateway also reports its workers (``workers``, ``worker_retry``;
``_workers``: absent from the page until first reported). The
alert rules and the dashboard in ``deploy/`` use these names: rename one, update them.
"""

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.jobs.views import HealthView, QueueView
from boss_bot.core.metrics._sampled import Sampled
from boss_bot.core.metrics._workers import Workers

MB = 1024 * 1024


class Metrics:
    """The bot's metrics; ``render`` gives the Prometheus text format."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        by_platform, secs = ["platform"], [1, 5, 10, 30, 60, 120, 300]
        self.requests = Counter(
            "download_requests",
            "Total download requests",
            ["platform", "status"],
            registry=registry,
        )
        self.duration = Histogram(
            "download_duration_seconds",
            "Time spent downloading",
            by_platform,
            buckets=secs,
            registry=registry,
        )
        self.command_latency = Histogram(
            "command_latency_seconds",
            "Command processing time",
            ["command"],
            buckets=[0.1, 0.5, 1, 2, 5],
            registry=registry,
        )
        self.errors = Counter(
            "error", "Total errors by type", ["error_type", "platform"], registry=registry
        )
        self.file_size = Histogram(
            "download_file_size_bytes",
            "Size of downloaded files",
            by_platform,
            buckets=[MB * x for x in (1, 5, 10, 25, 50)],
            registry=registry,
        )
        self.bytes = Counter(
            "download_bytes",
            "Bytes of media downloaded (before fitting)",
            by_platform,
            registry=registry,
        )
        self.sampled = Sampled(registry)
        self.distributed = Workers(registry)

    def finished(self, item: DownloadItem, result: DownloadResult | None) -> None:
        """Count a finished job (its outcome, bytes downloaded, time, delivered file sizes)."""
        platform, status = item.platform.value, item.status.value
        self.requests.labels(platform, status).inc()
        if result is not None:
            self.bytes.labels(platform).inc(result.fetched_bytes)
        if item.status is DownloadStatus.FAILED:
            self.errors.labels("download_failed", platform).inc()
        if result is None or item.status is not DownloadStatus.COMPLETED:
            return
        self.duration.labels(platform).observe(result.elapsed)
        for size in result.file_sizes:
            self.file_size.labels(platform).observe(size)

    def refresh(self, queue: QueueView, health: HealthView, latency: float | None) -> None:
        """Sample what is measured, not counted (see ``Sampled.refresh``)."""
        self.sampled.refresh(queue, health, latency)
        if queue.connected is not None:  # the distributed mode's workers
            self.workers(queue.connected, queue.workers)

    def workers(self, connected: int, slots: int) -> None:
        """Set ``workers_connected`` and ``worker_slots`` (shown from the first call on)."""
        self.distributed.seen(connected, slots)

    def worker_retry(self, worker: str) -> None:
        """Count a job ``worker`` had taken that was retried elsewhere (its heartbeat lapsed)."""
        self.distributed.retried(worker)

    def render(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)
