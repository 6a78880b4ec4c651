"""``$find``, ``$ask``, ``$forget`` through dpytest: who sees what, who may forget, expiry.

Items are put in the bot's own search store as a delivered job would put them (the
end-to-end tests deliver real ones); every answer is read as a member reads it.
"""

import discord
import discord.ext.test as dpytest

from tests.bot.searchkit import add, answer, member, search_on


async def test_a_channel_answer_shows_only_what_everyone_there_may_see(make_bot) -> None:
    """A private channel's item: not in a public answer, not for a member who can't view it."""
    bot = await make_bot()
    search_on(bot)
    guild, here = dpytest.get_config().guilds[0], dpytest.get_config().channels[0]
    view, send = 1 << 10, 1 << 11  # View Channel, Send Messages
    hidden = {"id": guild.id, "type": 0, "allow": "0", "deny": str(view)}
    me = {"id": bot.user.id, "type": 1, "allow": str(view | send), "deny": "0"}
    staff = dpytest.backend.make_text_channel("staff", guild, permission_overwrites=[hidden, me])
    assert not staff.permissions_for(guild.default_role).read_messages
    ann, mod = member("Ann"), member("Mod", administrator=True)
    add(bot, "aaaaaa", "Harbour lights at night", here.id, ann.id)
    add(bot, "bbbbbb", "Harbour plans for staff only", staff.id, mod.id)

    for who in (ann, mod):
        public = await answer("$find harbour", who)
        assert "Harbour lights" in public
        assert "staff only" not in public
    assert "staff only" in await answer("$find harbour", mod, staff)
    assert "staff only" not in await answer("$ask what are the harbour plans?", ann)


async def test_forget_is_for_the_requester_or_a_moderator(make_bot) -> None:
    """Another member is refused and the item stays; the requester and a moderator may."""
    bot = await make_bot()
    search_on(bot)
    here = dpytest.get_config().channels[0]
    ann, bob, mod = member("Ann"), member("Bob"), member("Mod", manage_messages=True)
    add(bot, "aaaaaa", "Harbour lights", here.id, ann.id)
    add(bot, "cccccc", "Harbour fog", here.id, ann.id)
    refused = await answer("$forget aaaaaa", bob)
    assert refused == "⚠️ Only who asked for it or a moderator may make search forget it."
    assert "Harbour lights" in await answer("$find harbour", bob)
    assert "Forgotten: `aaaaaa`" in await answer("$forget aaaaaa", ann)
    assert "Forgotten: `cccccc`" in await answer("$forget <cccccc>", mod)
    assert "Nothing shared here" in await answer("$find harbour", bob)
    unknown = await answer("$forget https://example.org/never", ann)
    assert unknown == "⚠️ Search knows no such item here: give a job id or a link."


def _private_thread(parent: discord.TextChannel, name: str) -> discord.Thread:
    """A private thread of ``parent`` in the guild's cache (dpytest makes no threads)."""
    meta = {"archived": False, "auto_archive_duration": 60, "archive_timestamp": None}
    data = {
        "id": parent.id + 7,
        "guild_id": parent.guild.id,
        "parent_id": parent.id,
        "owner_id": 1,
        "name": name,
        "type": discord.ChannelType.private_thread.value,
        "thread_metadata": {**meta, "locked": False, "invitable": False},
        "member_count": 1,
        "message_count": 0,
    }
    thread = discord.Thread(guild=parent.guild, state=parent._state, data=data)  # type: ignore[arg-type]
    parent.guild._add_thread(thread)
    return thread


async def test_a_private_threads_item_shows_only_in_that_thread(make_bot) -> None:
    """Readers of the parent channel may not be the thread's members: never elsewhere."""
    bot = await make_bot()
    search_on(bot)
    here = dpytest.get_config().channels[0]
    thread, ann = _private_thread(here, "secret plans"), member("Ann", administrator=True)
    add(bot, "tttttt", "Harbour plans in a thread", thread.id, ann.id)
    assert "Nothing shared here" in await answer("$find harbour", ann)
    forget = await answer("$forget tttttt", ann)
    assert forget == "⚠️ Search knows no such item here: give a job id or a link."


async def test_forget_works_while_search_is_off(make_bot) -> None:
    """Turning search off stops indexing and finding; forgetting still works."""
    bot = await make_bot()
    search_on(bot)
    here, ann = dpytest.get_config().channels[0], member("Ann")
    add(bot, "aaaaaa", "Harbour lights", here.id, ann.id)
    bot.servers.change(dpytest.get_config().guilds[0].id, "search", "off", (1, "owner"))
    assert "Search is off in this server" in await answer("$find harbour", ann)
    assert "Forgotten: `aaaaaa`" in await answer("$forget aaaaaa", ann)


async def test_asking_too_often_is_told_to_wait(make_bot) -> None:
    """Three questions a minute per member; the fourth is told when to try again."""
    bot = await make_bot()
    search_on(bot)
    ann = member("Ann")
    for _ in range(3):
        assert "Nothing shared here" in await answer("$ask anything?", ann)
    assert (await answer("$ask anything?", ann)).startswith("⏳ Slow down: try again in ")
