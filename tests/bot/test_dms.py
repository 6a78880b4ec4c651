"""Direct messages: refused unless ALLOW_DMS; then the role list applies through shared servers."""

import discord
import discord.ext.test as dpytest

from tests.bot.conftest import say

URL = "$dl https://example.com/a.mp4"


async def _dm(member: discord.Member, text: str) -> str:
    """Send ``text`` to the bot in ``member``'s DMs; return the bot's answer."""
    channel = await member.create_dm()
    await say(text, channel=channel, member=member)
    return dpytest.get_message().content


def _member(name: str) -> discord.Member:
    guild = dpytest.get_config().guilds[0]
    return dpytest.backend.make_member(dpytest.backend.make_user(name, "0003"), guild)


async def test_direct_messages_are_refused_by_default(make_bot) -> None:
    """ALLOW_DMS off: a download in DMs is refused with why; ``$dlh`` still answers there."""
    bot = await make_bot()
    member = dpytest.get_config().members[0]
    assert await _dm(member, URL) == (
        "⚠️ I don't take commands in direct messages. Use me in a server we share; "
        "`$dlh` works here and lists the commands."
    )
    assert len(bot.service.queue_view()) == 0
    assert "post a link, get the media" in await _dm(member, "$dlh")


async def test_in_dms_the_role_list_of_a_shared_server_applies(make_bot) -> None:
    """ALLOW_DMS on: refused in DMs without the shared server's allowed role, served with it."""
    bot = await make_bot(allow_dms=True)
    guild = dpytest.get_config().guilds[0]
    role = dpytest.backend.make_role("fans", guild, permissions=0)
    bot.settings.allowed_role_ids.append(role.id)
    without, holder = _member("Ann"), _member("Bob")
    await dpytest.add_role(holder, role)
    assert await _dm(without, URL) == (
        "⚠️ In direct messages I only serve members who may use me in a server we share "
        "(it needs a role that server's moderators chose)."
    )
    assert (await _dm(holder, URL)).startswith("📥 Job")
    assert [
        i.guild_id for i in bot.service.queue_view().waiting + bot.service.queue_view().running
    ] == [None]


async def test_in_dms_a_stranger_to_every_server_is_refused(make_bot) -> None:
    """ALLOW_DMS on, no role list: a user who shares no server with the bot is not served."""
    await make_bot(allow_dms=True)
    stranger = dpytest.backend.make_user("Zed", "0004")
    channel = await stranger.create_dm()
    await say(URL, channel=channel, member=stranger)
    assert "only serve members who may use me" in dpytest.get_message().content


async def test_the_shared_server_answer_is_remembered(make_bot, monkeypatch) -> None:
    """Two DM commands within two minutes cost one member look-up per server, not two."""
    await make_bot(allow_dms=True)
    member = dpytest.get_config().members[0]
    asked = []
    fetch = discord.Guild.fetch_member

    async def counted(guild: discord.Guild, user_id: int) -> discord.Member:
        asked.append(user_id)
        return await fetch(guild, user_id)

    monkeypatch.setattr(discord.Guild, "fetch_member", counted)
    for _ in range(2):
        assert (await _dm(member, "$dls")).startswith("⚙️")
    assert asked == [member.id]
