"""``$stats``: the last 7 days of this server from the history, kept across restarts."""

from datetime import UTC, datetime, timedelta

import discord.ext.test as dpytest

from boss_bot.core.history import History
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.storage.paths import Storage
from boss_bot.core.urls import Platform
from boss_bot.errors import FailureKind
from tests.bot.conftest import drain, say
from tests.bot.test_repeats import _channel_in, _messages
from tests.fakes import FakeDownloader


async def test_stats_count_the_week_across_a_restart(make_bot, make_settings) -> None:
    """Two delivered, one failed; after a restart ``$stats`` still shows them, not older ones."""
    fake = FakeDownloader(files={"clip.mp4": b"\x00\x00\x00\x18ftyp".ljust(2048, b"\x00")})
    first = await make_bot(fake.route)
    await dpytest.message("$dl https://example.com/a.mp4")
    await dpytest.message("$dl https://x.com/a/status/1")
    await drain(first)
    fake.fail = FailureKind.NOT_FOUND
    await dpytest.message("$dl https://example.com/b.mp4")
    await drain(first)
    await first.service.close()
    sent = _messages()
    guild, channel = sent[0].guild, sent[0].channel
    member = dpytest.get_config().members[0]
    storage = Storage(make_settings().data_dir)
    eight_days_ago = lambda: datetime.now(UTC) - timedelta(days=8)  # noqa: E731
    old = History(storage, 24, eight_days_ago)
    item = DownloadItem("https://e.test/old", Platform.REDDIT, member.id, channel.id, guild.id)
    old.add(item.evolve(status=DownloadStatus.COMPLETED), DownloadResult((), (), 1, 1.0))
    old.close()

    second = await make_bot(fake.route)
    here, again = _channel_in(second, "same", guild.id, channel.id, member.id)
    assert await say("$stats", channel=here, member=again) is None
    stats = dpytest.get_message()
    lines = stats.content.splitlines()
    assert lines[0] == "📊 **Downloads in this server, last 7 days**"
    assert lines[1] == "✅ 2 delivered · ❌ 1 failed · ⏹️ 0 cancelled"
    assert lines[2].startswith("📦 4.0 KB delivered · ⏱️ median job ")
    assert lines[3] == "**Top platforms**: generic 2 · twitter 1"
    assert lines[4] == f"**Busiest members**: <@{member.id}> 3"
    assert "reddit" not in stats.content  # eight days old: not this week


async def test_stats_of_a_quiet_server_say_so(make_bot) -> None:
    await make_bot()
    await dpytest.message("$stats")
    assert (
        dpytest.get_message().content == "No downloads finished in this server in the last 7 days."
    )
