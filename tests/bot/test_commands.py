"""``$dlq``, ``$health``, ``$help``, the error handler and command registration."""

import asyncio
import re

import discord.ext.test as dpytest
from discord.ext import commands

from tests.bot.conftest import drain, say
from tests.fakes import FakeDownloader


async def test_acknowledgement_gives_the_queue_position(make_bot) -> None:
    """A job that has to wait is told its position."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1)
    await dpytest.message("$dl https://example.com/a.mp4")
    assert "starting now" in dpytest.get_message().content
    await asyncio.wait_for(fake.started.wait(), 2)
    await dpytest.message("$dl https://example.com/b.mp4")
    await dpytest.message("$dl https://example.com/c.mp4")
    dpytest.get_message()
    assert "position 2 in the queue" in dpytest.get_message().content
    fake.gate.set()
    await drain(bot)


async def test_health_reports_uptime_queue_and_version(make_bot) -> None:
    """``$health`` answers with its fields even before the first heartbeat."""
    await make_bot()
    await dpytest.message("$health")
    text = dpytest.get_message().content
    for field in ("Gateway latency", "Uptime", "Jobs: 0 running, 0 waiting", "Version"):
        assert field in text


async def test_health_shows_the_download_speed_next_to_the_limits(make_bot) -> None:
    """``$health`` says how fast downloads go now and which rate limits are set."""
    await make_bot(total_rate_limit="2M", job_rate_limit="512K")
    await dpytest.message("$health")
    text = dpytest.get_message().content
    assert "Download speed: 0 B/s now (limits 2.0 MB/s in all, 512.0 KB/s a job)" in text


async def test_help_lists_every_download_command(make_bot) -> None:
    """``$help`` lists the commands with their short descriptions."""
    await make_bot()
    await dpytest.message("$help")
    text = dpytest.get_message().content
    for name in ("dlt", "dlr", "dl", "dlq", "health"):
        assert re.search(rf"\b{name}\b", text)
    assert "Download a Reddit post" in text


async def test_unexpected_errors_show_a_reference_not_a_traceback(make_bot, mocker) -> None:
    """A bug inside a command answers with a reference id; the details go to the log."""
    bot = await make_bot()
    mocker.patch.object(bot.service, "validate", side_effect=RuntimeError("secret /srv/path"))
    error = await say("$dlt https://example.com/a.mp4")
    assert isinstance(error, commands.CommandInvokeError)
    text = dpytest.get_message().content
    assert re.fullmatch(r"❌ Something went wrong \(ref `[0-9a-f]{6}`\)\..*", text)
    assert "/srv/path" not in text


async def test_unknown_commands_are_ignored(make_bot) -> None:
    """A typo does not make the bot talk."""
    await make_bot()
    await say("$nosuchcommand")
    assert dpytest.verify().message().nothing()


async def test_no_two_commands_or_aliases_collide(make_bot) -> None:
    """Every command name and alias is registered once."""
    bot = await make_bot()
    names = [n for c in bot.walk_commands() for n in (c.qualified_name, *c.aliases)]
    assert len(names) == len(set(names))
    assert {"dlt", "dlr", "dl", "dlq", "health"} <= set(names)


async def test_all_extensions_load(make_bot) -> None:
    """Every cog in EXTENSIONS is loaded at start-up."""
    bot = await make_bot()
    expected = {
        "ErrorHandler",
        "Access",
        "Downloads",
        "Queue",
        "Admin",
        "Controls",
        "Info",
        "Menu",
        "Observe",
        "AutoDownload",
        "Lifecycle",
        "Settings",
        "Search",
    }
    assert set(bot.cogs) == expected


async def test_a_broken_extension_is_logged_not_fatal(make_settings, mocker) -> None:
    """If one cog fails to load, the others still load."""
    from boss_bot.bot import client
    from boss_bot.bot.building import build_bot

    mocker.patch.object(client, "EXTENSIONS", ("boss_bot.bot.cogs.admin", "boss_bot.nope"))
    bot = build_bot(make_settings(), FakeDownloader().route)
    await bot._async_setup_hook()
    await bot.setup_hook()
    assert set(bot.cogs) == {"Admin"}
    await bot.service.close()


async def test_health_is_503_until_the_gateway_is_ready(make_bot) -> None:
    """Under dpytest no gateway connects: /health says so with 503."""
    import json

    bot = await make_bot()
    response = await bot.get_cog("Observe").health_page(None)
    assert response.status == 503
    assert json.loads(response.body)["gateway_connected"] is False


async def test_a_mention_of_the_bot_works_as_the_prefix(make_bot) -> None:
    """``@bot dlh`` answers like ``$dlh`` (the user guide says so)."""
    bot = await make_bot()
    await dpytest.message(f"<@{bot.user.id}> dlh")
    assert "post a link, get the media" in dpytest.get_message().content
