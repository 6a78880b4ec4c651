"""One download budget per member across the commands; waiting caps per member and server."""

import asyncio

import discord.ext.test as dpytest

from tests.bot.conftest import drain, say
from tests.bot.queuekit import last_text
from tests.fakes import FakeDownloader

URL = "https://example.com/a.mp4 force"  # force: the same link again, on purpose


async def test_every_download_command_shares_one_budget(make_bot) -> None:
    """Five ``$dl`` use the minute's budget: ``$dlt`` and ``$dlr`` are then told the wait."""
    fake = FakeDownloader(gate=asyncio.Event())  # no uploads among the answers
    bot = await make_bot(fake.route, downloads_per_minute=5)
    for _ in range(5):
        await dpytest.message(f"$dl {URL}")
        assert dpytest.get_message().content.startswith("📥 Job")
    for command, url in (("dlt", "https://x.com/a/status/1"), ("dlr", "https://redd.it/b")):
        await say(f"${command} {url}")
        text = last_text()
        assert text.startswith("⏳ Slow down: try again in "), text
        assert text.endswith(
            "Each member may start 5 downloads a minute (commands and 🔄 together)."
        )
    fake.gate.set()
    await drain(bot)
    assert len(bot.service._parts.runner.durations) == 5


async def test_a_member_may_have_only_so_many_jobs_waiting(make_bot) -> None:
    """MAX_WAITING_PER_USER=2: with one running and two waiting, the next is refused."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1, max_waiting_per_user=2)
    for _ in range(3):
        await dpytest.message(f"$dl {URL}")
        assert dpytest.get_message().content.startswith("📥 Job")
    await asyncio.wait_for(fake.started.wait(), 2)
    await say(f"$dl {URL}")
    assert last_text() == (
        "⚠️ You already have 2 jobs waiting, the most one member may have. "
        "Wait for one to start, or cancel one with `$dlc <id>`."
    )
    assert len(bot.service.queue_view()) == 3
    fake.gate.set()
    await drain(bot)


async def test_a_server_may_have_only_so_many_jobs_waiting(make_bot) -> None:
    """MAX_WAITING_PER_GUILD=2: once the server has two waiting, another member is refused."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1, max_waiting_per_guild=2)
    for _ in range(3):
        await dpytest.message(f"$dl {URL}")
        dpytest.get_message()
    await asyncio.wait_for(fake.started.wait(), 2)
    guild = dpytest.get_config().guilds[0]
    other = dpytest.backend.make_member(dpytest.backend.make_user("Bea", "0002"), guild)
    await say(f"$dl {URL}", member=other)
    assert last_text() == (
        "⚠️ This server already has 2 jobs waiting, the most one server may have. "
        "Try again when some have started."
    )
    assert len(bot.service.queue_view()) == 3
    fake.gate.set()
    await drain(bot)
