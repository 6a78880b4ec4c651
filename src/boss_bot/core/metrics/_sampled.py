"""The gauges ``/metrics`` samples at each scrape: memory, CPU, queue, disk, speed, latency."""

import os
import time

import psutil
from prometheus_client import CollectorRegistry, Gauge

from boss_bot.core.jobs.views import HealthView, QueueView
from boss_bot.core.usage import measure


def _cores() -> int:
    """CPUs this process may run on (its affinity where the OS has one, e.g. Linux)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Sampled:
    """Gauges measured, not counted: set by ``refresh`` just before a scrape."""

    def __init__(self, registry: CollectorRegistry) -> None:
        def gauge(name: str, documentation: str) -> Gauge:
            return Gauge(name, documentation, registry=registry)

        self.queue_size = gauge("download_queue_size", "Current size of download queue")
        self.queue_capacity = gauge(
            "download_queue_capacity", "Jobs the queue holds at most, running and waiting"
        )
        self.discord_latency = gauge("discord_api_latency_seconds", "Discord API latency")
        self.memory = gauge("memory_usage_bytes", "Memory of the bot and its downloads (PSS)")
        self.cpu = gauge("cpu_usage_percent", "CPU of the bot and its downloads, % of a core")
        self.cpu_cores = gauge("cpu_cores", "CPUs the bot may run on")
        self.temp_files = gauge("temp_files_count", "Number of files in temporary storage")
        self.disk_free = gauge("disk_free_bytes", "Bytes free on the data directory's disk")
        self.disk_size = gauge("disk_size_bytes", "Size of the data directory's disk")
        self.download_rate = gauge(
            "download_rate_bytes_per_second", "Bytes per second the running downloads fetch now"
        )
        self.cpu_cores.set(_cores())
        self._process = psutil.Process()
        self._cpu = (time.monotonic(), measure(self._process).cpu_seconds)

    def refresh(self, queue: QueueView, health: HealthView, latency: float | None) -> None:
        """Sample the process tree and copy the queue, the disk and the speed into the gauges."""
        now, usage = time.monotonic(), measure(self._process)
        self.memory.set(usage.pss)
        (then, before), self._cpu = self._cpu, (now, usage.cpu_seconds)
        self.cpu.set(max(0.0, 100 * (usage.cpu_seconds - before) / max(now - then, 1e-3)))
        self.queue_size.set(len(queue))
        self.queue_capacity.set(queue.capacity)
        self.temp_files.set(health.temp_files)
        self.disk_free.set(health.disk_free)
        self.disk_size.set(health.disk_size)
        self.download_rate.set(health.download_rate)
        if latency is not None:
            self.discord_latency.set(latency)
