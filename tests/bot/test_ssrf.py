"""Links to internal addresses are refused before anything is fetched (SPEC §3.1).

The bot runs with ``ALLOW_PRIVATE_URLS`` off; the loopback media server behind
each spelling must see no request at all, and nothing is queued.
"""

import pytest

from tests.bot.conftest import say
from tests.support.media_server import MediaServer

REFUSAL = "⚠️ That link points at a private or internal address, which I won't fetch."


@pytest.fixture(scope="module")
def media() -> MediaServer:
    with MediaServer() as server:
        server.add_file("/x.mp4", b"\x00\x00\x00\x18ftypmp42", content_type="video/mp4")
        yield server


def _spellings(port: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}/x.mp4",
        f"http://localhost:{port}/x.mp4",
        f"http://LOCALHOST.:{port}/x.mp4",
        f"http://2130706433:{port}/x.mp4",
        f"http://0x7f000001:{port}/x.mp4",
        f"http://0177.0.0.1:{port}/x.mp4",
        f"http://127.1:{port}/x.mp4",
        f"http://[::1]:{port}/x.mp4",
        f"http://[::ffff:127.0.0.1]:{port}/x.mp4",
        f"http://0.0.0.0:{port}/x.mp4",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/",
        "http://10.0.0.1/x.mp4",
        "http://192.168.1.1/x.mp4",
        "http://100.64.0.1/x.mp4",
        "http://224.0.0.1/x.mp4",
    ]


@pytest.mark.parametrize("index", range(16))
async def test_internal_addresses_are_refused_without_a_request(
    make_bot, media: MediaServer, index: int
) -> None:
    """Every spelling gets the same clear refusal; the server behind it is never contacted."""
    import discord.ext.test as dpytest

    bot = await make_bot(allow_private_urls=False)
    url = _spellings(int(media.base_url.rsplit(":", 1)[1]))[index]
    await say(f"$dl {url}")
    assert dpytest.get_message().content == REFUSAL, url
    assert media.requests == []
    assert len(bot.service.queue_view()) == 0
