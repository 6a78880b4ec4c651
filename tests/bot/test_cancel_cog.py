"""``$dlc`` and priorities through dpytest."""

import asyncio

import discord
import discord.ext.test as dpytest

from boss_bot.core.items import DownloadPriority
from tests.bot.conftest import drain, say
from tests.bot.queuekit import job_id_of, queue_three


async def test_dlc_cancels_a_waiting_job(make_bot) -> None:
    """A waiting job is removed, its status says cancelled, and it never downloads."""
    bot, fake, ids = await queue_three(make_bot)
    await dpytest.message(f"$dlc {ids[2]}")
    assert dpytest.get_message().content == f"⏹️ Cancelled `{ids[2]}`."
    fake.gate.set()
    await drain(bot)
    assert len(fake.calls) == 2


async def test_dlc_stops_a_running_job_quickly(make_bot) -> None:
    """A running job stops at once, frees its worker and leaves no files."""
    bot, fake, ids = await queue_three(make_bot)
    await dpytest.message(f"$dlc #{ids[0]}")
    assert ids[0] in dpytest.get_message().content
    async with asyncio.timeout(2):
        while ids[0] in {i.id for i in bot.service.queue_view().jobs}:
            await asyncio.sleep(0.01)
    assert list(bot.service._parts.storage.temp.iterdir()) in (
        [],
        [bot.service._parts.storage.temp / ids[1]],
    )
    fake.gate.set()
    await drain(bot)


async def test_dlc_all_and_unknown_ids(make_bot) -> None:
    """``all`` cancels every job of the caller; an unknown id gets a pointer to ``$dlq``."""
    bot, _, ids = await queue_three(make_bot)
    await dpytest.message("$dlc nope12")
    assert "no waiting or running job `nope12`" in dpytest.get_message().content
    await dpytest.message("$dlc all")
    reply = dpytest.get_message().content
    assert all(job in reply for job in ids)
    await drain(bot, timeout=30)
    await dpytest.message("$dlc all")
    assert dpytest.get_message().content == "You have no jobs to cancel here."


async def test_others_cannot_cancel_your_job_but_moderators_can(make_bot) -> None:
    """A member without Manage Messages can't cancel another's job; a moderator can."""
    bot, fake, ids = await queue_three(make_bot)
    config = dpytest.get_config()
    guild = config.guilds[0]
    other = dpytest.backend.make_member(dpytest.backend.make_user("Other", "0002"), guild)
    await dpytest.message(f"$dlc {ids[1]}", member=other)
    assert "that you can cancel" in dpytest.get_message().content
    perms = discord.Permissions(manage_messages=True).value
    mods = dpytest.backend.make_role("mods", guild, permissions=perms)
    await dpytest.add_role(other, mods)
    await dpytest.message(f"$dlc {ids[1]}", member=other)
    assert dpytest.get_message().content == f"⏹️ Cancelled `{ids[1]}`."
    fake.gate.set()
    await drain(bot)


async def test_high_priority_needs_the_role_and_jumps_the_queue(make_bot) -> None:
    """Without the role ``high`` is refused; with it the job goes before normal ones."""
    bot, fake, ids = await queue_three(make_bot)
    member = dpytest.get_config().members[0]
    await say("$dl https://example.com/vip.mp4 high")
    assert "`high` priority is for moderators" in dpytest.get_message().content
    role = dpytest.backend.make_role("vip", member.guild, permissions=0)
    bot.servers.change(member.guild.id, "high_priority_roles", str(role.id), (1, "admin"))
    await dpytest.add_role(member, role)
    await dpytest.message("$dl https://example.com/vip.mp4 high")
    vip = job_id_of(dpytest.get_message())
    waiting = bot.service.queue_view().waiting
    assert [w.id for w in waiting] == [vip, ids[1], ids[2]]
    assert waiting[0].priority is DownloadPriority.HIGH
    await say("$dl https://example.com/x.mp4 urgent")
    assert "`urgent` is not one of: low, normal, high" in dpytest.get_message().content
    fake.gate.set()
    await drain(bot)
