"""Who may use the bot where: the download rate, allow-lists and admin commands."""

import asyncio

import discord
import discord.ext.test as dpytest

from tests.bot.conftest import drain, say
from tests.fakes import FakeDownloader

URL = "$dl https://example.com/a.mp4 force"  # force: the same link again, on purpose


def _moderator(name: str = "Mod") -> discord.Member:
    guild = dpytest.get_config().guilds[0]
    return dpytest.backend.make_member(dpytest.backend.make_user(name, "0009"), guild)


async def _make_mod(member: discord.Member) -> None:
    perms = discord.Permissions(manage_messages=True).value
    role = dpytest.backend.make_role("mods", member.guild, permissions=perms)
    await dpytest.add_role(member, role)


async def test_the_download_rate_answers_with_the_wait(make_bot) -> None:
    """Past DOWNLOADS_PER_MINUTE a member is told how long to wait; nothing is queued."""
    bot = await make_bot(downloads_per_minute=2)
    for _ in range(2):
        await dpytest.message(URL)
        assert dpytest.get_message().content.startswith("📥 Job")
    await say(URL)
    text = dpytest.get_message().content
    assert text.startswith("⏳ Slow down: try again in ")
    assert text.endswith(
        " s. Each member may start 2 downloads a minute (commands and 🔄 together)."
    )
    await drain(bot)
    assert len(bot.service._parts.runner.durations) == 2


async def test_the_channel_allow_list(make_bot) -> None:
    """Outside the listed channels members are pointed to them; moderators are not stopped."""
    await make_bot(allowed_channel_ids=[123456789])
    await say(URL)
    assert dpytest.get_message().content == "⚠️ I only take commands in <#123456789>."
    mod = _moderator()
    await _make_mod(mod)
    await dpytest.message(URL, member=mod)
    assert dpytest.get_message().content.startswith("📥 Job")


async def test_the_role_allow_list(make_bot) -> None:
    """With ALLOWED_ROLE_IDS only holders of one of the roles may use the bot."""
    bot = await make_bot()
    member = dpytest.get_config().members[0]
    role = dpytest.backend.make_role("fans", member.guild, permissions=0)
    bot.settings.allowed_role_ids.append(role.id)
    await say(URL)
    assert "needs a role" in dpytest.get_message().content
    await dpytest.add_role(member, role)
    await dpytest.message(URL)
    assert dpytest.get_message().content.startswith("📥 Job")


async def test_queue_clear_is_for_moderators(make_bot) -> None:
    """``$queue clear`` needs Manage Messages and cancels this server's jobs."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1)
    for _ in range(3):
        await dpytest.message(URL)
        dpytest.get_message()
    await say("$queue clear")
    assert dpytest.get_message().content == "🚫 That needs the Manage Messages permission."
    mod = _moderator()
    await _make_mod(mod)
    await dpytest.message("$queue clear", member=mod)
    assert dpytest.get_message().content == "⏹️ Cleared the queue: 3 job(s) cancelled."
    await drain(bot)
    assert len(bot.service.queue_view()) == 0


async def test_reload_is_for_the_owner(make_bot) -> None:
    """``$reload`` reloads every extension for the bot's owner, and no one else."""
    bot = await make_bot()
    await say("$reload")
    assert dpytest.get_message().content == "🚫 Only the bot's owner can do that."
    bot.owner_id = dpytest.get_config().members[0].id
    await dpytest.message("$reload")
    assert dpytest.get_message().content == "🔄 Reloaded 13 of 13 extensions."
    await dpytest.message("$dlh dl")
    assert "Usage: `$dl <url>" in dpytest.get_message().content
