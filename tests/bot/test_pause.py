"""⏸️ pauses a job and ▶️ resumes it, through dpytest reactions on its status message.

A waiting job is held in place while the others pass it; a running one is stopped, its
worker freed and its directory kept; a job paused too long is cancelled with a message.
"""

import asyncio

import discord
import discord.ext.test as dpytest

from boss_bot.core.items import DownloadStatus
from tests.bot.conftest import drain
from tests.bot.queuekit import job_id_of
from tests.fakes import FakeDownloader

PAUSED = DownloadStatus.PAUSED


async def _three(make_bot, **settings) -> tuple:
    """Three jobs of one member, one worker: the first runs (held by the gate)."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1, **settings)
    acks = []
    for n in range(3):
        await dpytest.message(f"$dl https://example.com/{n}.mp4")
        acks.append(dpytest.get_message())
    await asyncio.wait_for(fake.started.wait(), 2)
    return bot, fake, acks


async def _status(ack: discord.Message) -> str:
    return (await ack.channel.fetch_message(ack.id)).content


async def _until(check, timeout: float = 30) -> None:  # a bound for a busy machine
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.01)


def _state(bot, job_id: str) -> DownloadStatus | None:
    item = next((i for i in bot.service.queue_view().jobs if i.id == job_id), None)
    return item.status if item else None


async def test_a_paused_waiting_job_is_passed_and_runs_when_resumed(make_bot) -> None:
    """⏸️ on the second job: the third runs before it; ▶️ lets it run after."""
    bot, fake, acks = await _three(make_bot)
    member = dpytest.get_config().members[0]
    second = job_id_of(acks[1])
    await dpytest.add_reaction(member, acks[1], "⏸️")
    assert _state(bot, second) is DownloadStatus.PAUSED
    assert await _status(acks[1]) == f"⏸️ Job `{second}` is paused: react ▶️ to resume it."
    fake.gate.set()
    await _until(lambda: len(bot.service.queue_view().jobs) == 1)
    assert [url[-5:] for url, _ in fake.calls] == ["0.mp4", "2.mp4"]
    await dpytest.add_reaction(member, acks[1], "▶️")
    assert (await _status(acks[1])).startswith(f"▶️ Job `{second}` resumed")
    await drain(bot)
    assert [url[-5:] for url, _ in fake.calls] == ["0.mp4", "2.mp4", "1.mp4"]
    assert (await _status(acks[1])).startswith(f"✅ Job `{second}` done")


async def test_a_strangers_pause_is_ignored(make_bot) -> None:
    """Someone else's ⏸️ (no Manage Messages) leaves the job waiting."""
    bot, fake, acks = await _three(make_bot)
    guild = dpytest.get_config().guilds[0]
    other = dpytest.backend.make_member(dpytest.backend.make_user("Other", "0002"), guild)
    await dpytest.add_reaction(other, acks[1], "⏸️")
    assert _state(bot, job_id_of(acks[1])) is DownloadStatus.QUEUED
    fake.gate.set()
    await drain(bot)
    assert len(fake.calls) == 3


async def test_a_paused_running_job_frees_its_worker_and_keeps_its_files(make_bot) -> None:
    """⏸️ on the running job: the next job starts, the paused one's directory stays."""
    bot, fake, acks = await _three(make_bot)
    member, first = dpytest.get_config().members[0], job_id_of(acks[0])
    job_dir = bot.service._parts.storage.temp / first
    (job_dir / "clip.mp4.part").write_bytes(b"half")  # what a download leaves
    await dpytest.add_reaction(member, acks[0], "⏸️")
    await _until(lambda: len(fake.calls) == 2)  # the worker took the next job
    assert _state(bot, first) is DownloadStatus.PAUSED
    assert (job_dir / "clip.mp4.part").read_bytes() == b"half"
    fake.gate.set()
    await _until(lambda: len(bot.service.queue_view().jobs) == 1)
    await dpytest.add_reaction(member, acks[0], "▶️")
    await drain(bot)
    assert [url[-5:] for url, _ in fake.calls] == ["0.mp4", "1.mp4", "2.mp4", "0.mp4"]
    assert fake.calls[3][1] == job_dir  # the same directory, partial file and all


async def test_a_job_paused_too_long_is_cancelled_with_a_message(make_bot) -> None:
    """Past ``PAUSE_EXPIRY_MINUTES`` a paused job ends, and its status says why."""
    bot, fake, acks = await _three(make_bot, pause_expiry_minutes=0.005)
    third = job_id_of(acks[2])
    await dpytest.add_reaction(dpytest.get_config().members[0], acks[2], "⏸️")
    await _until(lambda: _state(bot, third) is None)
    async with asyncio.timeout(5):  # the last edit follows the job's end
        while (await _status(acks[2])).startswith("⏸️"):
            await asyncio.sleep(0.01)
    assert await _status(acks[2]) == (
        f"⏹️ Job `{third}` was paused for over 0.005 minutes, so it was cancelled; "
        "send the link again."
    )
    fake.gate.set()
    await drain(bot)
    assert len(fake.calls) == 2


async def test_pause_on_a_shared_message_holds_all_the_members_jobs(make_bot) -> None:
    """⏸️ on the acknowledgement of three links pauses the two waiting; ▶️ runs them."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1)
    links = " ".join(f"https://example.com/{n}.mp4" for n in range(3))
    await dpytest.message(f"$dl {links}")
    ack = dpytest.get_message()
    await asyncio.wait_for(fake.started.wait(), 5)
    member = dpytest.get_config().members[0]
    await dpytest.add_reaction(member, ack, "⏸️")
    await _until(lambda: {i.status for i in bot.service.queue_view().jobs} == {PAUSED})
    assert len(bot.service.queue_view().jobs) == 3  # the running one stopped, held too
    await dpytest.message("$dlq")
    embed = dpytest.get_embed()
    assert embed.fields[1].value.count("⏸️ paused") == 3
    fake.gate.set()
    await dpytest.add_reaction(member, ack, "▶️")
    await drain(bot)
    assert len(fake.calls) == 4  # the first started again
    final = (await ack.channel.fetch_message(ack.id)).content.splitlines()
    assert [" done: " in line for line in final] == [True] * 3
