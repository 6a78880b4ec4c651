"""``$dlq``, ``$dlc`` and priorities through dpytest."""

import asyncio
import re

import discord
import discord.ext.test as dpytest

from boss_bot.core.items import DownloadPriority, DownloadStatus
from tests.bot.conftest import drain, say
from tests.fakes import FakeDownloader


def _job_id(message: discord.Message) -> str:
    return re.search(r"`([0-9a-f]{6})`", message.content).group(1)


async def _queue_three(make_bot, **settings):
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1, **settings)
    ids = []
    for n in range(3):
        await dpytest.message(f"$dl https://example.com/{n}.mp4")
        ids.append(_job_id(dpytest.get_message()))
    await asyncio.wait_for(fake.started.wait(), 2)
    return bot, fake, ids


async def test_dlq_shows_running_waiting_and_your_position(make_bot) -> None:
    """The embed lists the running job, the waiting ones in order, and the caller's jobs."""
    bot, fake, ids = await _queue_three(make_bot)
    await dpytest.message("$dlq")
    embed = dpytest.get_message().embeds[0]
    fields = {f.name: f.value for f in embed.fields}
    assert ids[0] in fields["Running (1/1)"]
    waiting = fields["Waiting (2)"]
    assert waiting.index(ids[1]) < waiting.index(ids[2])
    assert f"`{ids[1]}` position 1" in fields["Your jobs"]
    fake.gate.set()
    await drain(bot)
    await dpytest.empty_queue()
    await dpytest.message("$dlq")
    assert dpytest.get_message().content == "The queue is empty."


async def test_dlq_stays_within_discord_limits_with_fifty_jobs(make_bot) -> None:
    """With 50 jobs the embed is cut with '…and N more', within Discord's size limits."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1, max_jobs_per_user=50)
    for n in range(50):
        await dpytest.message(f"$dl https://example.com/{n}.mp4")
    await dpytest.empty_queue()
    await dpytest.message("$dlq")
    embed = dpytest.get_message().embeds[0]
    assert re.search(r"…and \d+ more", embed.fields[1].value)
    assert len(embed) < 6000
    assert all(len(f.value) <= 1024 for f in embed.fields)
    fake.gate.set()
    await drain(bot)


async def test_dlc_cancels_a_waiting_job(make_bot) -> None:
    """A waiting job is removed, its status says cancelled, and it never downloads."""
    bot, fake, ids = await _queue_three(make_bot)
    await dpytest.message(f"$dlc {ids[2]}")
    assert dpytest.get_message().content == f"⏹️ Cancelled `{ids[2]}`."
    fake.gate.set()
    await drain(bot)
    assert len(fake.calls) == 2


async def test_dlc_stops_a_running_job_quickly(make_bot) -> None:
    """A running job stops at once, frees its worker and leaves no files."""
    bot, fake, ids = await _queue_three(make_bot)
    await dpytest.message(f"$dlc #{ids[0]}")
    assert ids[0] in dpytest.get_message().content
    async with asyncio.timeout(2):
        while bot.service.queue.get_item(ids[0]) is not None:
            await asyncio.sleep(0.01)
    assert list(bot.service.storage.temp.iterdir()) in ([], [bot.service.storage.temp / ids[1]])
    fake.gate.set()
    await drain(bot)


async def test_dlc_all_and_unknown_ids(make_bot) -> None:
    """``all`` cancels every job of the caller; an unknown id gets a pointer to ``$dlq``."""
    bot, _, ids = await _queue_three(make_bot)
    await dpytest.message("$dlc nope12")
    assert "no waiting or running job `nope12`" in dpytest.get_message().content
    await dpytest.message("$dlc all")
    reply = dpytest.get_message().content
    assert all(job in reply for job in ids)
    await drain(bot, timeout=3)
    await dpytest.message("$dlc all")
    assert dpytest.get_message().content == "You have no jobs to cancel here."


async def test_others_cannot_cancel_your_job_but_moderators_can(make_bot) -> None:
    """A member without Manage Messages can't cancel another's job; a moderator can."""
    bot, fake, ids = await _queue_three(make_bot)
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
    bot, fake, ids = await _queue_three(make_bot)
    member = dpytest.get_config().members[0]
    await say("$dl https://example.com/vip.mp4 high")
    assert "`high` priority is for moderators" in dpytest.get_message().content
    role = dpytest.backend.make_role("vip", member.guild, permissions=0)
    bot.settings.high_priority_role_ids.append(role.id)
    await dpytest.add_role(member, role)
    await dpytest.message("$dl https://example.com/vip.mp4 high")
    vip = _job_id(dpytest.get_message())
    waiting = bot.service.queue.waiting()
    assert [w.id for w in waiting] == [vip, ids[1], ids[2]]
    assert waiting[0].priority is DownloadPriority.HIGH
    await say("$dl https://example.com/x.mp4 urgent")
    assert "`urgent` is not one of: low, normal, high" in dpytest.get_message().content
    fake.gate.set()
    await drain(bot)


async def test_queued_jobs_are_saved_and_resumed(make_bot, make_settings) -> None:
    """Accepted jobs are in the SQLite store; a new service on the same data dir resumes them."""
    bot, fake, ids = await _queue_three(make_bot)
    saved = {item.id: item.status for item in bot.service.store.unfinished()}
    assert saved == {
        ids[0]: DownloadStatus.DOWNLOADING, ids[1]: DownloadStatus.QUEUED,
        ids[2]: DownloadStatus.QUEUED,
    }  # fmt: skip
    await bot.service.close()
    from boss_bot.core.service import DownloadService

    again = DownloadService(make_settings(), bot.service.runner.sink, fake.route)
    await again.start()
    assert [i.id for i in again.queue.waiting()] == ids
    assert all(i.status is DownloadStatus.QUEUED for i in again.queue.waiting())
    await again.close()
