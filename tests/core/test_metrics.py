"""Prometheus metrics that jobs feed when they finish."""

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
