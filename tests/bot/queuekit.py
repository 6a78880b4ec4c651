"""Queued and failed jobs for the queue, cancel, admission and 🔄 tests."""

import asyncio
import re

import discord
import discord.ext.test as dpytest

from tests.bot.conftest import drain
from tests.fakes import FakeDownloader


def job_id_of(message: discord.Message) -> str:
    return re.search(r"`([0-9a-f]{6})`", message.content).group(1)


async def queue_three(make_bot, **settings):
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1, **settings)
    ids = []
    for n in range(3):
        await dpytest.message(f"$dl https://example.com/{n}.mp4")
        ids.append(job_id_of(dpytest.get_message()))
    await asyncio.wait_for(fake.started.wait(), 2)
    return bot, fake, ids


def last_text() -> str:
    """The content of the last message the bot sent (earlier ones are dropped)."""
    while not dpytest.sent_queue.empty():
        last = dpytest.get_message()
    return last.content


async def failed_job(bot, url: str = "https://example.com/a.mp4") -> discord.Message:
    """Queue one job that fails (the bot's downloader must fail); return its status message."""
    await dpytest.message(f"$dl {url}")
    ack = dpytest.get_message()
    await drain(bot)
    assert bot.service.failed_job(ack.id) is not None
    return ack
