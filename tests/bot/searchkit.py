"""Helpers for the search cog's dpytest tests: members, answers, items put in the store."""

from datetime import UTC, datetime, timedelta

import discord
import discord.ext.test as dpytest

from boss_bot.bot.client import BossBot
from boss_bot.core.search.entries import Entry, owner_of
from tests.bot.conftest import say


def member(name: str, **permissions: bool) -> discord.Member:
    """A member of the first guild, with a role that has ``permissions`` (if any)."""
    guild = dpytest.get_config().guilds[0]
    made = dpytest.backend.make_member(dpytest.backend.make_user(name, "0007"), guild)
    if permissions:
        value = discord.Permissions(**permissions).value
        made._roles.add(dpytest.backend.make_role(name + "s", guild, permissions=value).id)
    return made


async def answer(text: str, who: discord.Member, channel: object = None) -> str:
    """What the bot answers ``who`` typing ``text`` (in ``channel``, else the first one)."""
    await say(text, member=who, **({"channel": channel} if channel else {}))
    return dpytest.get_message().content


def add(bot: BossBot, job: str, title: str, channel: int, by: int, *, age_days: float = 1) -> None:
    """Put a server item in the bot's store, as a job delivered ``age_days`` ago would."""
    guild = dpytest.get_config().guilds[0]
    when = datetime.now(UTC) - timedelta(days=age_days)
    jump = f"https://discord.com/channels/{guild.id}/{channel}/{len(job) * 1000 + ord(job[0])}"
    bot.search.retriever.add(
        Entry(job, owner_of(guild.id, by), channel, by, when, jump, title=title)
    )


def search_on(bot: BossBot) -> None:
    """Turn search on in the first guild, as its admin would."""
    bot.servers.change(dpytest.get_config().guilds[0].id, "search", "on", (1, "owner"))
