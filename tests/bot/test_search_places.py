"""Search in direct messages, search off, and items past the retention."""

from datetime import UTC, datetime

import discord.ext.test as dpytest

from boss_bot.core.search.entries import Entry, owner_of
from tests.bot.searchkit import add, answer, member, search_on


async def test_expired_items_are_not_found_and_pruned(make_bot) -> None:
    """An item older than the retention is never shown, and pruning removes it."""
    bot = await make_bot(search_retention_days=30)
    search_on(bot)
    here, ann = dpytest.get_config().channels[0], member("Ann")
    add(bot, "aaaaaa", "Harbour old", here.id, ann.id, age_days=31)
    add(bot, "bbbbbb", "Harbour new", here.id, ann.id, age_days=29)
    found = await answer("$find harbour", ann)
    assert "Harbour new" in found
    assert "Harbour old" not in found
    bot.search.prune()  # the cog's hourly pruning may have run already
    owner = owner_of(dpytest.get_config().guilds[0].id, ann.id)
    assert bot.search.retriever.index.get(owner, "aaaaaa") is None
    assert bot.search.retriever.index.get(owner, "bbbbbb") is not None


async def test_direct_messages_search_only_the_members_own(make_bot) -> None:
    """A member who keeps their DM downloads finds them there, never a server's or another's."""
    bot = await make_bot(allow_dms=True)
    search_on(bot)
    ann, bob = member("Ann"), member("Bob")
    mine, theirs = await ann.create_dm(), await bob.create_dm()
    off = await answer("$find harbour", ann, mine)
    assert off == (
        "⚠️ Search is off in your direct messages: `$dls set search on` keeps your downloads here."
    )
    assert "`search` set to `on`" in await answer("$dls set search on", ann, mine)
    add(bot, "aaaaaa", "Harbour in the server", dpytest.get_config().channels[0].id, ann.id)
    now = datetime.now(UTC)
    dm = Entry("dddddd", owner_of(None, ann.id), mine.id, ann.id, now, "j", title="Harbour DM")
    bot.search.retriever.add(dm)
    found = await answer("$find harbour", ann, mine)
    assert "Harbour DM" in found
    assert "in the server" not in found
    bot.servers.prefer(bob.id, "search", "on")
    assert "Nothing shared here" in await answer("$find harbour", bob, theirs)


async def test_the_operator_can_turn_search_off_everywhere(make_bot) -> None:
    """Retention 0: search is off on the bot, and no server can turn it on."""
    await make_bot(search_retention_days=0)
    assert await answer("$find x", member("Ann")) == "⚠️ Search is off on this bot."
    refused = await answer("$settings set search on", member("Al", manage_guild=True))
    assert "turned search off (BOSS_BOT_SEARCH_RETENTION_DAYS=0)" in refused


async def test_off_by_default_says_how_to_turn_it_on(make_bot) -> None:
    """A server that never turned it on is told how."""
    await make_bot()
    assert await answer("$find x", member("Ann")) == (
        "⚠️ Search is off in this server. A server admin can turn it on: `$settings set search on`."
    )
