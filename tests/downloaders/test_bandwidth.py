"""Real downloads share the bandwidth: measured at the server, rebalanced when one ends."""

import asyncio
from pathlib import Path

import pytest

from boss_bot.core.bandwidth import Bandwidth
from boss_bot.core.ports import JobLimits
from boss_bot.downloaders.engines import GALLERYDL, ChildDownloader
from tests.support.media_server import MediaServer

pytestmark = pytest.mark.slow  # two paced downloads take about 13 s

K = 1024
TOTAL = 512 * K
PNG = b"\x89PNG\r\n\x1a\n"
WARM_UP = 1.0  # seconds of socket buffers filling before the rate holds
HANDOVER = 1.0  # from the first's last byte sent to the second's new rate (buffers, its end)


async def test_two_gallery_dl_downloads_share_the_total_and_one_alone_takes_it(
    downloaders, tmp_path: Path
) -> None:
    """Two at once fetch 512K/s together (within 15 %, over >= 5 s); alone, one takes it all."""
    bandwidth = Bandwidth(total=TOTAL)
    limits = JobLimits(timeout=120, max_bytes=10**9, allow_private=True, bandwidth=bandwidth)
    with MediaServer(send_buffer=32 * K) as server:
        urls = {
            name: server.add_file(f"/{name}.png", PNG + bytes(size), "image/png")
            for name, size in (("a", 2560 * K), ("b", 4096 * K))
        }

        async def fetch(name: str) -> None:
            (tmp_path / name).mkdir()
            engine = ChildDownloader(GALLERYDL, downloaders.forker)
            await engine.download(urls[name], tmp_path / name, limits, lambda _: None)

        await asyncio.gather(fetch("a"), fetch("b"))
        start = max(server.gets(f"/{n}.png")[-1] for n in "ab") + WARM_UP
        a_done, b_done = server.sent("/a.png")[-1][0], server.sent("/b.png")[-1][0]
        together = server.rate(start, a_done - 0.5)
        alone = server.rate(a_done + HANDOVER, b_done - 0.2)
    assert a_done - 0.5 - start >= 5
    assert abs(together - TOTAL) <= 0.15 * TOTAL, together
    assert abs(alone - TOTAL) <= 0.15 * TOTAL, alone
