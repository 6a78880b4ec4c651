"""A server over its daily quota is told so, and nothing is queued."""

import discord.ext.test as dpytest

from tests.bot.conftest import drain, say
from tests.fakes import MP4, FakeDownloader


async def test_the_daily_quota_refuses_the_next_download(make_bot) -> None:
    """1.2 MB delivered against a 1 MB quota: the next request is refused, politely."""
    fake = FakeDownloader(files={"big.mp4": MP4.ljust(1_200_000, b"\x00")})
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
    assert len(bot.service.queue_view()) == 0


async def test_jobs_queued_before_the_quota_ran_out_do_not_start(make_bot) -> None:
    """Two jobs accepted at once; the first uses the quota; the second fails at its start."""
    import asyncio

    fake = FakeDownloader(files={"big.mp4": MP4.ljust(1_200_000, b"\x00")}, gate=asyncio.Event())
    bot = await make_bot(fake.route, guild_daily_quota_mb=1, max_concurrent_downloads=1)
    acks = []
    for name in ("a", "b"):
        await dpytest.message(f"$dl https://example.com/{name}.mp4")
        acks.append(dpytest.get_message())
        assert acks[-1].content.startswith("📥 Job")
    fake.gate.set()
    await drain(bot)
    assert len(fake.calls) == 1
    assert bot.service.failed_job(acks[0].id) is None
    refused = bot.service.failed_job(acks[1].id)
    assert refused.error == (
        "This server has used today's 1.0 MB download quota. It resets at 00:00 UTC."
    )
