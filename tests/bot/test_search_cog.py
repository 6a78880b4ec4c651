"""``$find``, ``$ask``, ``$forget`` through dpytest: who sees what, who may forget, expiry.

Items are put in the bot's own search store as a delivered job would put them (the
end-to-end tests deliver real ones); every answer is read as a member reads it.
"""

from datetime import UTC, datetime, timedelta

import discord
import discord.ext.test as dpytest

from boss_bot.bot.client import BossBot
from boss_bot.core.search.entries import Entry, owner_of
from tests.bot.conftest import say


def _member(name: str, **permissions: bool) -> discord.Member:
    """A member of the first guild, with a role that has ``permissions`` (if any)."""
    guild = dpytest.get_config().guilds[0]
    member = dpytest.backend.make_member(dpytest.backend.make_user(name, "0007"), guild)
    if permissions:
        value = discord.Permissions(**permissions).value
        member._roles.add(dpytest.backend.make_role(name + "s", guild, permissions=value).id)
    return member


async def _answer(text: str, member: discord.Member, channel: object = None) -> str:
    await say(text, member=member, **({"channel": channel} if channel else {}))
    return dpytest.get_message().content


def _add(bot: BossBot, job: str, title: str, channel: int, by: int, *, age_days: float = 1) -> None:
    guild = dpytest.get_config().guilds[0]
    when = datetime.now(UTC) - timedelta(days=age_days)
    jump = f"https://discord.com/channels/{guild.id}/{channel}/{hash(job) % 10**6}"
    entry = Entry(job, owner_of(guild.id, by), channel, by, when, jump, title=title)
    bot.search.retriever.add(entry)


async def _search_on(bot: BossBot) -> None:
    bot.servers.change(dpytest.get_config().guilds[0].id, "search", "on", (1, "owner"))


async def test_a_channel_answer_shows_only_what_everyone_there_may_see(make_bot) -> None:
    """A private channel's item: not in a public answer, not for a member who can't view it."""
    bot = await make_bot()
    await _search_on(bot)
    guild, here = dpytest.get_config().guilds[0], dpytest.get_config().channels[0]
    view, send = 1 << 10, 1 << 11  # View Channel, Send Messages
    hidden = {"id": guild.id, "type": 0, "allow": "0", "deny": str(view)}
    me = {"id": bot.user.id, "type": 1, "allow": str(view | send), "deny": "0"}
    staff = dpytest.backend.make_text_channel("staff", guild, permission_overwrites=[hidden, me])
    assert not staff.permissions_for(guild.default_role).read_messages
    ann, mod = _member("Ann"), _member("Mod", administrator=True)
    _add(bot, "aaaaaa", "Harbour lights at night", here.id, ann.id)
    _add(bot, "bbbbbb", "Harbour plans for staff only", staff.id, mod.id)

    for who in (ann, mod):
        public = await _answer("$find harbour", who)
        assert "Harbour lights" in public
        assert "staff only" not in public
    assert "staff only" in await _answer("$find harbour", mod, staff)
    assert "staff only" not in await _answer("$ask what are the harbour plans?", ann)


async def test_forget_is_for_the_requester_or_a_moderator(make_bot) -> None:
    """Another member is refused and the item stays; the requester and a moderator may."""
    bot = await make_bot()
    await _search_on(bot)
    here = dpytest.get_config().channels[0]
    ann, bob, mod = _member("Ann"), _member("Bob"), _member("Mod", manage_messages=True)
    _add(bot, "aaaaaa", "Harbour lights", here.id, ann.id)
    _add(bot, "cccccc", "Harbour fog", here.id, ann.id)
    refused = await _answer("$forget aaaaaa", bob)
    assert refused == "⚠️ Only who asked for it or a moderator may make search forget it."
    assert "Harbour lights" in await _answer("$find harbour", bob)
    assert "Forgotten: `aaaaaa`" in await _answer("$forget aaaaaa", ann)
    assert "Forgotten: `cccccc`" in await _answer("$forget <cccccc>", mod)
    assert "Nothing shared here" in await _answer("$find harbour", bob)
    unknown = await _answer("$forget https://example.org/never", ann)
    assert unknown == "⚠️ Search knows no such item here: give a job id or a link."


async def test_expired_items_are_not_found_and_pruned(make_bot) -> None:
    """An item older than the retention is never shown, and pruning removes it."""
    bot = await make_bot(search_retention_days=30)
    await _search_on(bot)
    here, ann = dpytest.get_config().channels[0], _member("Ann")
    _add(bot, "aaaaaa", "Harbour old", here.id, ann.id, age_days=31)
    _add(bot, "bbbbbb", "Harbour new", here.id, ann.id, age_days=29)
    found = await _answer("$find harbour", ann)
    assert "Harbour new" in found
    assert "Harbour old" not in found
    bot.search.prune()  # the cog's hourly pruning may have run already
    owner = owner_of(dpytest.get_config().guilds[0].id, ann.id)
    assert bot.search.retriever.index.get(owner, "aaaaaa") is None
    assert bot.search.retriever.index.get(owner, "bbbbbb") is not None


async def test_direct_messages_search_only_the_members_own(make_bot) -> None:
    """In DMs a member finds their own DM downloads, never a server's or another's."""
    bot = await make_bot(allow_dms=True)
    await _search_on(bot)
    ann, bob = _member("Ann"), _member("Bob")
    here = dpytest.get_config().channels[0]
    _add(bot, "aaaaaa", "Harbour in the server", here.id, ann.id)
    mine = await ann.create_dm()
    when = datetime.now(UTC)
    entry = Entry("dddddd", owner_of(None, ann.id), mine.id, ann.id, when, "j", title="Harbour DM")
    bot.search.retriever.add(entry)
    found = await _answer("$find harbour", ann, mine)
    assert "Harbour DM" in found
    assert "in the server" not in found
    assert "Nothing shared here" in await _answer("$find harbour", bob, await bob.create_dm())


async def test_search_off_says_how_to_turn_it_on(make_bot) -> None:
    """Off by default; with retention 0 the operator's switch refuses to turn it on."""
    await make_bot(search_retention_days=0)
    assert await _answer("$find x", _member("Ann")) == (
        "⚠️ Search is off in this server. A server admin can turn it on: `$settings set search on`."
    )
    refused = await _answer("$settings set search on", _member("Al", manage_guild=True))
    assert "turned search off (BOSS_BOT_SEARCH_RETENTION_DAYS=0)" in refused
