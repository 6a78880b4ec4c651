"""ℹ️ on a status message: a short reply with the job's details, deleted after a minute."""

import asyncio

import discord
import discord.ext.test as dpytest

from tests.bot.conftest import drain
from tests.bot.queuekit import job_id_of
from tests.fakes import FakeDownloader


async def _info_reply() -> discord.Message:
    """The next ℹ️ reply the bot sends (dpytest drops references, so found by its text)."""
    async with asyncio.timeout(5):
        while True:
            while not dpytest.sent_queue.empty():
                if (sent := dpytest.get_message()).content.startswith("ℹ️"):
                    return sent
            await asyncio.sleep(0.01)


async def test_info_on_a_finished_job_replies_with_its_details(make_bot, monkeypatch) -> None:
    """Anyone's ℹ️: source, requester, downloader, attempts, sizes, format, timings."""
    deletions: list[float | None] = []

    async def delete(self: discord.Message, *, delay: float | None = None) -> None:
        deletions.append(delay)

    monkeypatch.setattr(discord.Message, "delete", delete)
    bot = await make_bot(FakeDownloader().route)
    await dpytest.message("$dl https://example.com/a.mp4")
    ack = dpytest.get_message()
    job = job_id_of(ack)
    await drain(bot)
    while not dpytest.sent_queue.empty():  # the delivery
        dpytest.get_message()
    guild = dpytest.get_config().guilds[0]
    stranger = dpytest.backend.make_member(dpytest.backend.make_user("Other", "0002"), guild)
    await dpytest.add_reaction(stranger, ack, "ℹ️")
    reply = await _info_reply()
    lines = reply.content.splitlines()
    requester = dpytest.get_config().members[0].id
    assert lines[0] == f"ℹ️ Job `{job}` · completed"
    assert lines[1] == "Source: <https://example.com/a.mp4>"
    assert lines[2] == f"Asked by <@{requester}> · downloader: fake · attempts: 1"
    assert lines[3] == "Size: 8 B downloaded → 8 B delivered · formats: MP4/QuickTime file"
    assert lines[4].startswith("Timings: queued <t:")
    assert "→ started <t:" in lines[4]
    assert "→ finished <t:" in lines[4]
    assert lines[-1] == "-# This note disappears in a minute."
    assert deletions == [60.0]


async def test_info_on_a_waiting_job_says_what_is_known(make_bot) -> None:
    """Before it starts, ℹ️ shows the link, the requester and when it was queued."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1)
    acks = []
    for n in range(2):
        await dpytest.message(f"$dl https://example.com/{n}.mp4")
        acks.append(dpytest.get_message())
    await asyncio.wait_for(fake.started.wait(), 2)
    await dpytest.add_reaction(dpytest.get_config().members[0], acks[1], "ℹ️")
    lines = (await _info_reply()).content.splitlines()
    assert lines[0] == f"ℹ️ Job `{job_id_of(acks[1])}` · queued"
    assert lines[2].endswith("downloader: – · attempts: 0")
    assert lines[4].endswith("→ started –")
    fake.gate.set()
    await drain(bot)
