"""``$dlh`` / ``$help`` overview and per-command help, and ``$dls`` (the caller's limits)."""

import asyncio

import discord.ext.test as dpytest

from tests.bot.conftest import drain
from tests.fakes import FakeDownloader


async def test_command_help_has_usage_examples_and_this_servers_limit(make_bot) -> None:
    """``$dlh dlt`` explains one command in the seed's format, with the real limit."""
    await make_bot()
    await dpytest.message("$dlh dlt")
    text = dpytest.get_message().content
    assert text.startswith("**$dlt**: Download a Twitter/X post or a video link\n")
    assert "Usage: `$dlt <url> [<url>…] [low|normal|high] [force]`" in text
    assert "Examples:\n  `$dlt https://x.com/user/status/123`" in text
    assert "upload limit (10.0 MB) are shrunk to fit" in text
    assert "{" not in text


async def test_help_is_the_same_under_both_names(make_bot) -> None:
    """``$help dlr`` and ``$dlh dlr`` give the same text; ``$dlc`` has its examples."""
    await make_bot()
    await dpytest.message("$help dlr")
    first = dpytest.get_message().content
    await dpytest.message("$dlh dlr")
    assert dpytest.get_message().content == first
    assert "Galleries arrive as several files, ten per message." in first
    await dpytest.message("$dlh dlc")
    assert "`$dlc all`" in dpytest.get_message().content


async def test_overview_lists_every_command_once_and_points_to_details(make_bot) -> None:
    """``$dlh`` alone: one line per command, then how to get details."""
    await make_bot()
    await dpytest.message("$dlh")
    lines = dpytest.get_message().content.splitlines()
    names = [line.split("`")[1] for line in lines if line.startswith("`$")]
    assert names == [
        "$ask",
        "$dl",
        "$dlc",
        "$dlh",
        "$dlq",
        "$dlr",
        "$dls",
        "$dlt",
        "$find",
        "$forget",
        "$health",
        "$queue",
        "$stats",
    ]
    assert lines[-1] == "Type `$dlh <command>` for usage, examples and notes."


async def test_overview_shows_a_download_with_the_bots_prefix(make_bot) -> None:
    """``$dlh`` alone shows one download to copy, written with the operator's prefix."""
    await make_bot(command_prefix="!")
    await dpytest.message("!dlh")
    text = dpytest.get_message().content
    assert "Example: `!dlt https://x.com/user/status/123`" in text.splitlines()[:3]


async def test_help_for_an_unknown_command_says_so(make_bot) -> None:
    """A wrong name gets a clear answer, not silence or an error."""
    await make_bot()
    await dpytest.message("$dlh dlx")
    assert dpytest.get_message().content == "There is no command `dlx`. `$dlh` lists them."


async def test_settings_show_the_callers_jobs_and_limits(make_bot) -> None:
    """``$dls`` counts the caller's own jobs and shows the limits that apply here."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1, max_jobs_per_user=3)
    for name in ("a", "b"):
        await dpytest.message(f"$dl https://example.com/{name}.mp4")
        dpytest.get_message()
    await asyncio.wait_for(fake.started.wait(), 2)
    await dpytest.message("$dls")
    lines = dpytest.get_message().content.splitlines()
    assert lines[1:9] == [
        "Jobs running at once: 3 (you have 1 running, 1 waiting)",
        "Waiting at most: 5 of yours, 20 of this server's",
        "Downloads you may start: no limit per minute (commands and 🔄 together)",
        "Links in one command: up to 5",
        "Queue: 2/50 in use, 1 running at a time",
        "Largest file posted here: 10.0 MB (server boost level 0)",
        "Per job: up to 500.0 MB, 30 files, 5 min 00 s",
        "Priorities you may use: low, normal",
    ]
    fake.gate.set()
    await drain(bot)


async def test_settings_offer_high_priority_to_the_role(make_bot) -> None:
    """A member holding a configured role is told they may use ``high``."""
    bot = await make_bot()
    member = dpytest.get_config().members[0]
    role = dpytest.backend.make_role("vip", member.guild, permissions=0)
    bot.settings.high_priority_role_ids.append(role.id)
    await dpytest.add_role(member, role)
    await dpytest.message("$dls")
    assert "Priorities you may use: low, normal, high" in dpytest.get_message().content


async def test_help_for_a_group_of_commands(make_bot) -> None:
    """A cog's name lists just its commands."""
    await make_bot()
    await dpytest.message("$dlh Downloads")
    lines = dpytest.get_message().content.splitlines()
    assert [line.split("`")[1] for line in lines if line.startswith("`$")] == [
        "$dl",
        "$dlr",
        "$dlt",
    ]
