"""Auto-download: 📥 on messages with media links (``react``), or downloads at once (``on``).

The channel's mode comes from the seam ``bot.gate.auto_mode`` (``build_bot(auto_mode=…)``);
the per-server settings will answer it, these tests answer it themselves.
"""

import discord
import discord.ext.test as dpytest

from boss_bot.bot.auto_mode import AutoMode
from tests.bot.conftest import drain
from tests.fakes import FakeDownloader

MEDIA = "https://example.com/clip.mp4"


def _mode(mode: AutoMode):
    async def answer(guild_id: int, channel_id: int) -> AutoMode:
        return mode

    return answer


def _sent() -> list[discord.Message]:
    found = []
    while not dpytest.verify().message().nothing():
        found.append(dpytest.get_message())
    return found


async def test_off_by_default_a_link_is_left_alone(make_bot) -> None:
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    message = await dpytest.message(f"look {MEDIA}")
    await drain(bot)
    assert fake.calls == []
    assert message.reactions == []
    assert _sent() == []


async def test_react_marks_media_links_and_a_members_inbox_downloads_as_them(make_bot) -> None:
    """📥 only on a member's message with a media link; another member's 📥 downloads it."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    bot.gate.auto_mode = _mode("react")
    article = await dpytest.message("read https://example.com/news/story")
    command = await dpytest.message(f"$dlh {MEDIA}")
    _sent()
    message = await dpytest.message(f"look <{MEDIA}> !")
    assert [str(r.emoji) for r in message.reactions] == ["📥"]
    assert article.reactions == []
    assert command.reactions == []
    assert fake.calls == []
    guild = message.guild
    reactor = dpytest.backend.make_member(dpytest.backend.make_user("reactor", 2), guild)
    await dpytest.add_reaction(reactor, message, "📥")
    await drain(bot)
    assert [url for url, _ in fake.calls] == [MEDIA]
    [job] = bot.service.history.week(guild.id, 0)
    assert job.user_id == reactor.id
    assert any(m.attachments for m in _sent())  # (dpytest keeps no reply references)


async def test_inbox_on_a_message_the_bot_did_not_mark_does_nothing(make_bot) -> None:
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    message = await dpytest.message(f"look {MEDIA}")  # auto-download was off then
    bot.gate.auto_mode = _mode("react")
    await dpytest.add_reaction(dpytest.get_config().members[0], message, "📥")
    await drain(bot)
    assert fake.calls == []


async def test_on_downloads_at_once_within_the_channel_rate_and_skips_quietly(make_bot) -> None:
    """``on``: media links download as the author; no answer for others; 2 a minute here."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route, auto_downloads_per_channel_per_minute=2)
    bot.gate.auto_mode = _mode("on")
    await dpytest.message("read https://example.com/news/story and ftp://x.test/a.mp4")
    await drain(bot)
    assert _sent() == []  # not media, not supported: not a word
    for n in range(3):
        await dpytest.message(f"clip {n}: https://example.com/{n}.mp4")
        await drain(bot)
    assert [url for url, _ in fake.calls] == [
        "https://example.com/0.mp4",
        "https://example.com/1.mp4",
    ]
    await dpytest.message("again https://example.com/0.mp4?utm_source=x")  # delivered already
    await drain(bot)
    assert len(fake.calls) == 2
    messages = _sent()
    assert not any("♻️" in m.content or "Slow down" in m.content for m in messages)
