"""A server over its daily quota is told so, and nothing is queued."""

import discord.ext.test as dpytest

from tests.bot.conftest import drain, say
from tests.fakes import FakeDownloader


async def test_the_daily_quota_refuses_the_next_download(make_bot) -> None:
    """1.2 MB delivered against a 1 MB quota: the next request is refused, politely."""
    fake = FakeDownloader(files={"big.mp4": b"\x00" * 1_200_000})
    bot = await make_bot(fake.route, guild_daily_quota_mb=1)
    await dpytest.message("$dl https://example.com/a.mp4")
    dpytest.get_message()
    await drain(bot)
    await say("$dl https://example.com/b.mp4")
    while not dpytest.sent_queue.empty():
        last = dpytest.get_message()
    assert last.content == (
        "⚠️ This server has used today's 1.0 MB download quota. It resets at 00:00 UTC."
    )
    assert len(fake.calls) == 1
    assert len(bot.service.queue) == 0
