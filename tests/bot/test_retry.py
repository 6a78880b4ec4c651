"""🔄 on a failed job goes through the same admission as a command.

The allow-lists, the job owner's download budget and waiting caps all apply, and a
status edit that fails while the retry is acknowledged keeps no queue place.
"""

from types import SimpleNamespace

import discord
import discord.ext.test as dpytest
import pytest

from boss_bot.errors.kinds import FailureKind
from tests.bot.conftest import drain, say
from tests.bot.queuekit import failed_job, last_text
from tests.fakes import FakeDownloader

URL = "https://example.com/a.mp4"


@pytest.fixture
def fake() -> FakeDownloader:
    """A downloader whose every try fails, so each job offers 🔄."""
    return FakeDownloader(fail=FailureKind.NOT_FOUND)


async def test_a_retry_spends_from_the_same_budget(make_bot, fake) -> None:
    """With 2 a minute: a job and its 🔄 use the budget, so the next ``$dl`` must wait."""
    bot = await make_bot(fake.route, downloads_per_minute=2, download_tries=1)
    member = dpytest.get_config().members[0]
    ack = await failed_job(bot)
    await dpytest.add_reaction(member, ack, "🔄")
    await drain(bot)
    assert len(fake.calls) == 2
    await say(f"$dl {URL}")
    assert last_text().startswith("⏳ Slow down: try again in ")
    assert len(fake.calls) == 2


async def test_a_retry_over_the_budget_is_refused_on_its_message(make_bot, fake) -> None:
    """🔄 with the budget used: the status message says to wait, and 🔄 stays usable."""
    bot = await make_bot(fake.route, downloads_per_minute=2, download_tries=1)
    member = dpytest.get_config().members[0]
    ack = await failed_job(bot)
    await dpytest.message(f"$dl {URL}")
    await drain(bot)
    await dpytest.add_reaction(member, ack, "🔄")
    assert (await ack.channel.fetch_message(ack.id)).content.startswith("⚠️ Slow down")
    assert bot.service.failed_job(ack.id) is not None
    assert len(fake.calls) == 2


async def test_a_retry_without_the_allowed_role_does_nothing(make_bot, fake) -> None:
    """A member who lost the allowed role reacts 🔄: nothing runs, 🔄 stays for later."""
    bot = await make_bot(fake.route, download_tries=1)
    member = dpytest.get_config().members[0]
    role = dpytest.backend.make_role("fans", member.guild, permissions=0)
    bot.settings.allowed_role_ids.append(role.id)
    await dpytest.add_role(member, role)
    ack = await failed_job(bot)
    await dpytest.remove_role(member, role)
    await dpytest.add_reaction(member, ack, "🔄")
    await drain(bot)
    assert len(fake.calls) == 1
    assert bot.service.failed_job(ack.id) is not None


async def test_a_retry_outside_the_allowed_channels_does_nothing(make_bot, fake) -> None:
    """🔄 in a channel no longer allowed (``$settings``) is ignored like a command there."""
    bot = await make_bot(fake.route, download_tries=1)
    ack = await failed_job(bot)
    guild = dpytest.get_config().guilds[0].id
    bot.servers.change(guild, "allowed_channels", "100000000000000009", (1, "admin"))
    await dpytest.add_reaction(dpytest.get_config().members[0], ack, "🔄")
    await drain(bot)
    assert len(fake.calls) == 1


async def test_a_failing_retry_acknowledgement_keeps_no_queue_place(make_bot, fake) -> None:
    """The status edit of a 🔄 fails: the reserved place is given back and 🔄 stays usable."""
    bot = await make_bot(fake.route, download_tries=1)
    ack = await failed_job(bot)
    show = bot.sink.show

    async def broken(item, text: str) -> None:
        if text.startswith("📥"):
            raise discord.HTTPException(SimpleNamespace(status=502, reason="Bad Gateway"), "")
        await show(item, text)

    bot.sink.show = broken
    await dpytest.add_reaction(dpytest.get_config().members[0], ack, "🔄")
    assert bot.service._parts.queue.reserved == 0
    assert len(bot.service.queue_view()) == 0
    assert bot.service.failed_job(ack.id) is not None
