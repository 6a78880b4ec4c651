"""``$dlq``, ``$dlc`` and priorities through dpytest."""

import asyncio
import re

import discord.ext.test as dpytest

from boss_bot.core.items import DownloadStatus
from boss_bot.core.jobs.assembly import build_service
from boss_bot.core.metrics import Metrics
from tests.bot.conftest import drain, say
from tests.bot.queuekit import queue_three
from tests.fakes import FakeDownloader


async def test_dlq_shows_running_waiting_and_your_position(make_bot) -> None:
    """The embed lists the running job, the waiting ones in order, and the caller's jobs."""
    bot, fake, ids = await queue_three(make_bot)
    await dpytest.message("$dlq")
    embed = dpytest.get_message().embeds[0]
    fields = {f.name: f.value for f in embed.fields}
    assert ids[0] in fields["Running (1/1)"]
    waiting = fields["Waiting (2)"]
    assert waiting.index(ids[1]) < waiting.index(ids[2])
    assert f"`{ids[1]}` position 1" in fields["Your jobs"]
    fake.gate.set()
    await drain(bot)
    await dpytest.empty_queue()
    await dpytest.message("$dlq")
    assert dpytest.get_message().content == "The queue is empty."


async def test_dlq_stays_within_discord_limits_with_fifty_jobs(make_bot) -> None:
    """With 50 jobs the embed is cut with '…and N more', within Discord's size limits."""
    fake = FakeDownloader(gate=asyncio.Event())
    caps = {"max_waiting_per_user": 50, "max_waiting_per_guild": 50}
    await make_bot(fake.route, max_concurrent_downloads=1, max_jobs_per_user=50, **caps)
    for n in range(50):
        await dpytest.message(f"$dl https://example.com/{n}.mp4")
    await dpytest.empty_queue()
    await dpytest.message("$dlq")
    embed = dpytest.get_message().embeds[0]
    assert re.search(r"…and \d+ more", embed.fields[1].value)
    assert len(embed) < 6000
    assert all(len(f.value) <= 1024 for f in embed.fields)
    # the 50 jobs are left waiting: closing the service (the fixture) ends them


async def test_queued_jobs_are_saved_and_resumed(make_bot, make_settings) -> None:
    """Accepted jobs are in the SQLite store; a new service on the same data dir resumes them."""
    bot, fake, ids = await queue_three(make_bot)
    saved = {item.id: item.status for item in bot.service._parts.store.unfinished()}
    assert saved == {
        ids[0]: DownloadStatus.DOWNLOADING,
        ids[1]: DownloadStatus.QUEUED,
        ids[2]: DownloadStatus.QUEUED,
    }
    await bot.service.close()
    again = build_service(make_settings(), bot.sink, fake.route, Metrics())
    await again.start()
    assert [i.id for i in again.queue_view().waiting] == ids
    assert all(i.status is DownloadStatus.QUEUED for i in again.queue_view().waiting)
    await again.close()


async def test_queue_without_the_queue_cog_says_so(make_bot) -> None:
    """``$queue`` with the Queue cog unloaded answers plainly instead of failing inside."""
    bot = await make_bot(FakeDownloader().route)
    await bot.remove_cog("Queue")
    error = await say("$queue")
    assert dpytest.get_message().content.endswith("The queue commands are switched off right now.")
    assert error is not None
