"""``/metrics`` as the cog serves it: the sampled gauges, and every metric ``deploy/`` queries."""

import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from tests import deploykit


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _scrape(
    make_bot: Callable[..., object], gateway: bool = False, **settings: object
) -> str:
    """Start a bot serving ``/metrics`` (reporting workers if ``gateway``), read the page once."""
    port = _free_port()
    bot = await make_bot(metrics_port=port, **settings)  # type: ignore[misc]
    if gateway:
        deploykit.feed_distributed(bot.metrics)  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{port}/metrics"
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        assert response.status == 200
        return await response.text()


async def test_metrics_show_the_data_disk_the_queue_capacity_and_the_cores(
    make_bot: Callable[..., object], tmp_path: Path
) -> None:
    """The disk of the data directory, the queue's bound, the CPUs and the speed are sampled."""
    page = await _scrape(make_bot, max_queue_size=7)
    values = {s.name: s.value for f in text_string_to_metric_families(page) for s in f.samples}
    disk = shutil.disk_usage(tmp_path)
    assert values["disk_size_bytes"] == disk.total
    assert 0 < values["disk_free_bytes"] <= disk.total
    assert (values["download_queue_size"], values["download_queue_capacity"]) == (0, 7)
    assert values["cpu_cores"] >= 1
    assert values["download_rate_bytes_per_second"] == 0


async def test_every_metric_the_alerts_and_the_dashboard_query_is_served(
    make_bot: Callable[..., object],
) -> None:
    """A metric renamed in the bot but not in ``deploy/`` (or the reverse) fails here."""
    served = deploykit.served(await _scrape(make_bot, gateway=True)) | deploykit.PROMETHEUS_OWN
    for expr in deploykit.queried():
        assert not deploykit.metric_names(expr) - served, expr


async def test_a_bot_that_downloads_itself_serves_no_worker_metrics(
    make_bot: Callable[..., object],
) -> None:
    """Without a broker no worker series is on the page, so NoWorkerConnected cannot fire."""
    assert not deploykit.DISTRIBUTED & deploykit.served(await _scrape(make_bot))
