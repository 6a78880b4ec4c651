"""Prometheus metrics that jobs feed when they finish."""

from prometheus_client.parser import text_string_to_metric_families

from boss_bot.core.items import DownloadResult, DownloadStatus
from boss_bot.core.metrics import Metrics
from tests.core.jobkit import make_item


def test_metrics_count_the_bytes_downloaded_by_platform() -> None:
    """``download_bytes_total{platform}`` grows by each finished job's fetched bytes."""
    metrics = Metrics()
    item = make_item().evolve(status=DownloadStatus.COMPLETED)
    for fetched in (1000, 234):
        metrics.finished(item, DownloadResult((), (), 10, 1.0, fetched_bytes=fetched))
    text = metrics.render().decode()
    assert f'download_bytes_total{{platform="{item.platform.value}"}} 1234.0' in text


def _samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    page = metrics.render().decode()
    families = text_string_to_metric_families(page)
    return {(s.name, tuple(sorted(s.labels.items()))): s.value for f in families for s in f.samples}


DISTRIBUTED = ("workers_connected", "worker_slots", "remote_job_retries")


def test_a_single_process_bot_shows_no_worker_metrics() -> None:
    """Nothing reported about workers: no series, so "no worker connected" cannot fire."""
    page = Metrics().render().decode()
    assert not [name for name in DISTRIBUTED if name in page]


def test_workers_shows_how_many_are_connected_and_their_slots() -> None:
    """``workers`` sets both gauges; the last report wins, zero included; retries stay hidden."""
    metrics = Metrics()
    metrics.workers(3, 6)
    assert _samples(metrics)[("workers_connected", ())] == 3
    metrics.workers(0, 0)
    samples = _samples(metrics)
    assert (samples[("workers_connected", ())], samples[("worker_slots", ())]) == (0, 0)
    assert "remote_job_retries" not in metrics.render().decode()


def test_worker_retry_counts_retried_jobs_by_the_worker_that_lost_them() -> None:
    """``remote_job_retries_total{worker}`` counts per worker; the gauges stay hidden."""
    metrics = Metrics()
    for worker in ("host-a.1", "host-a.1", "host-b.7"):
        metrics.worker_retry(worker)
    samples = _samples(metrics)
    assert samples[("remote_job_retries_total", (("worker", "host-a.1"),))] == 2
    assert samples[("remote_job_retries_total", (("worker", "host-b.7"),))] == 1
    assert "workers_connected" not in metrics.render().decode()
    metrics.worker_retry("host-b.7")  # registered once, counted again
    assert _samples(metrics)[("remote_job_retries_total", (("worker", "host-b.7"),))] == 2
