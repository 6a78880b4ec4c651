"""``$settings`` (Manage Server) and ``$dls set``: applied at once; a refusal changes nothing."""

import asyncio

import discord
import discord.ext.test as dpytest

from boss_bot.core.items import DownloadPriority
from tests.bot.conftest import drain, say
from tests.fakes import MP4, FakeDownloader

URL = "$dl https://example.com/a.mp4"


async def _admin(name: str = "Alice") -> discord.Member:
    """A member whose role has Manage Server (and nothing else)."""
    guild = dpytest.get_config().guilds[0]
    member = dpytest.backend.make_member(dpytest.backend.make_user(name, "0042"), guild)
    perms = discord.Permissions(manage_guild=True).value
    await dpytest.add_role(member, dpytest.backend.make_role("admins", guild, permissions=perms))
    return member


async def _answer(text: str, member: discord.Member | None = None) -> str:
    await say(text, **({"member": member} if member else {}))
    return dpytest.get_message().content


async def test_an_admin_sets_a_value_and_view_shows_who(make_bot) -> None:
    """A Manage Server member changes a key; ``view`` shows the value, who and when."""
    bot = await make_bot()
    admin = await _admin()
    answer = await _answer("$settings set daily_quota_mb 100", admin)
    assert answer == "✅ `daily_quota_mb` set: 500 MiB → 100 MiB"
    guild = dpytest.get_config().guilds[0]
    assert bot.servers.server(guild.id).daily_quota_mb == 100
    view = await _answer("$settings view", admin)
    assert "`daily_quota_mb`: 100 MiB · set by Alice#0042 on " in view
    assert "`prefix`: `$` · the operator's default" in view
    assert await _answer("$settings", admin) == view  # the group alone is view
    reset = await _answer("$settings reset daily_quota_mb", admin)
    assert reset == "✅ `daily_quota_mb` reset to the default: 100 MiB → 500 MiB"
    assert "`daily_quota_mb`: 500 MiB · reset by Alice#0042" in await _answer("$settings", admin)


async def test_a_member_without_manage_server_is_told_what_is_missing(make_bot) -> None:
    """A member lacking Manage Server is refused with that name; nothing changes."""
    bot = await make_bot()
    answer = await _answer("$settings set prefix !")
    assert answer == "⚠️ Changing this server's settings needs the **Manage Server** permission."
    assert await _answer("$settings view") == answer
    guild = dpytest.get_config().guilds[0]
    assert bot.servers.server(guild.id).prefix == "$"
    assert bot.servers.stamps(guild.id) == {}


async def test_bad_keys_and_values_name_what_is_allowed(make_bot) -> None:
    """An unknown key lists the keys; a value over the operator's ceiling names the range."""
    bot = await make_bot(max_jobs_per_user=3)
    admin = await _admin()
    unknown = await _answer("$settings set colour red", admin)
    assert unknown.startswith("⚠️ There is no setting `colour`. The settings are: `prefix`, ")
    assert "`auto_download_channels`, `search`." in unknown
    over = await _answer("$settings set max_jobs_per_user 4", admin)
    assert over == (
        "⚠️ `max_jobs_per_user`: Give a whole number from 1 to 3 (the most the operator "
        "allows). Nothing was changed."
    )
    guild = dpytest.get_config().guilds[0]
    assert bot.servers.server(guild.id).max_jobs_per_user == 3


async def test_the_prefix_is_per_server_and_a_mention_always_works(make_bot) -> None:
    """After ``set prefix !``, ``!dlh`` answers and ``$dlh`` does not; ``@bot dlh`` still does."""
    bot = await make_bot()
    admin = await _admin()
    await _answer("$settings set prefix !", admin)
    assert "Type `!dlh <command>`" in await _answer("!dlh")
    await dpytest.message("$dlh")
    assert dpytest.verify().message().nothing()
    assert bot.user is not None
    assert "post a link, get the media" in await _answer(f"<@{bot.user.id}> dlh")
    assert "`prefix`: `!` · set by Alice" in await _answer("!settings", admin)


async def test_allowed_channels_apply_at_once(make_bot) -> None:
    """Listing another channel refuses members here at once; ``none`` lets them in again."""
    await make_bot()
    admin = await _admin()
    guild = dpytest.get_config().guilds[0]
    other = dpytest.backend.make_text_channel("downloads", guild)
    await _answer(f"$settings set allowed_channels <#{other.id}>", admin)
    assert await _answer(URL) == f"⚠️ I only take commands in <#{other.id}>."
    assert "`allowed_channels`" in await _answer("$settings", admin)  # admins never locked out
    await _answer("$settings set allowed_channels none", admin)
    assert (await _answer(URL)).startswith("📥 Job")


async def test_high_priority_roles_apply_at_once(make_bot) -> None:
    """A role listed in ``high_priority_roles`` may ask for ``high`` right away."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    admin = await _admin()
    member = dpytest.get_config().members[0]
    role = dpytest.backend.make_role("vip", member.guild, permissions=0)
    await dpytest.add_role(member, role)
    assert "`high` priority is for moderators" in await _answer(URL + " high")
    await _answer(f"$settings set high_priority_roles <@&{role.id}>", admin)
    assert (await _answer(URL + " high")).startswith("📥 Job")
    await drain(bot)


async def test_settings_in_direct_messages(make_bot) -> None:
    """In DMs ``$settings`` says it works in servers only."""
    await make_bot()
    member = dpytest.get_config().members[0]
    channel = await member.create_dm()
    await say("$settings", channel=channel, member=member)
    assert dpytest.get_message().content == (
        "⚠️ `$settings` works in servers only: use it in the server to change."
    )


async def test_members_set_their_preferences(make_bot) -> None:
    """``$dls set`` changes a preference, ``$dls`` lists it, and ``priority low`` is applied."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route)
    answer = await _answer("$dls set priority low")
    assert answer.startswith("✅ `priority` set to `low`.")
    assert "`priority`: low" in answer
    bad = await _answer("$dls set volume 11")
    assert bad.startswith("⚠️ There is no preference `volume`. You can set: `mention`")
    await _answer("$dls set mention off")
    shown = await _answer("$dls")
    assert "`mention`: off" in shown
    assert "`dm`: off" in shown
    await _answer(URL)
    await _answer("$dl https://example.com/b.mp4 normal")
    jobs = bot.service.queue_view().jobs
    assert [j.priority for j in jobs] == [DownloadPriority.LOW, DownloadPriority.NORMAL]
    fake.gate.set()
    await drain(bot)


async def test_the_servers_daily_quota_applies_at_once(make_bot) -> None:
    """``daily_quota_mb 1`` under a 500 MiB operator quota: 1.2 MB delivered, then refused."""
    fake = FakeDownloader(files={"big.mp4": MP4.ljust(1_200_000, b"\x00")})
    bot = await make_bot(fake.route)
    await _answer("$settings set daily_quota_mb 1", await _admin())
    await _answer(URL)
    await drain(bot)
    await say("$dl https://example.com/b.mp4")
    while not dpytest.sent_queue.empty():
        last = dpytest.get_message()
    assert last.content == (
        "⚠️ This server has used today's 1.0 MB download quota. It resets at 00:00 UTC."
    )
    assert len(fake.calls) == 1


async def test_max_jobs_per_user_applies_at_once(make_bot) -> None:
    """With ``max_jobs_per_user 1`` a member's second job waits; raising it to 2 starts it."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_jobs_per_user=2)
    admin = await _admin()
    await _answer("$settings set max_jobs_per_user 1", admin)
    await _answer(URL)
    await _answer("$dl https://example.com/b.mp4")
    await asyncio.wait_for(fake.started.wait(), 2)
    view = bot.service.queue_view()
    assert (len(view.running), len(view.waiting)) == (1, 1)
    await _answer("$settings set max_jobs_per_user 2", admin)
    async with asyncio.timeout(5):
        while len(bot.service.queue_view().running) < 2:
            await asyncio.sleep(0.02)
    fake.gate.set()
    await drain(bot)


async def test_channels_and_roles_of_another_server_are_refused(make_bot) -> None:
    """An id that is no channel (or role) of this server changes nothing and says which."""
    bot = await make_bot()
    admin = await _admin()
    answer = await _answer("$settings set allowed_channels 100000000000000009", admin)
    assert answer == (
        "⚠️ `allowed_channels`: `100000000000000009` is not a channel of this server. "
        "Nothing was changed."
    )
    answer = await _answer("$settings set high_priority_roles <@&100000000000000009>", admin)
    assert "`100000000000000009` is not a role of this server." in answer
    assert bot.servers.stamps(admin.guild.id) == {}
