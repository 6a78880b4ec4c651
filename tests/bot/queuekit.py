"""Three queued jobs behind a gated fake downloader, for the queue and cancel tests."""

import asyncio
import re

import discord
import discord.ext.test as dpytest

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
