"""No duplicate downloads: a link delivered or on its way here is answered with where it is.

Real gallery-dl fetches from the loopback media server; the server's hits show whether a
repeat downloaded again. ``force`` after the link downloads anyway.
"""

import asyncio
import re
from pathlib import Path

import discord.ext.test as dpytest

from tests.bot.conftest import drain
from tests.fakes import FakeDownloader
from tests.support.media import make_image
from tests.support.media_server import MediaServer

JUMP = re.compile(r"https://discord\.com/channels/(\d+)/(\d+)/(\d+)")


def _messages() -> list:
    """Every message the bot sent that dpytest still holds, oldest first."""
    sent = []
    while not dpytest.verify().message().nothing():
        sent.append(dpytest.get_message())
    return sent


async def _deliver_once(bot, url: str) -> object:
    """Ask for ``url`` and wait for it; returns the reply that carried the files."""
    await dpytest.message(f"$dl {url}")
    await drain(bot, timeout=60)
    uploads = [m for m in _messages() if m.attachments]
    assert len(uploads) == 1
    return uploads[0]


async def test_a_repeated_link_gets_a_jump_link_and_no_second_download(
    make_bot, downloaders, tmp_path: Path
) -> None:
    """Asked again (with a tracking parameter), the link is answered with the earlier post."""
    bot = await make_bot(downloaders.route)
    with MediaServer() as server:
        url = server.add_file("/p.png", make_image(tmp_path / "p.png"), content_type="image/png")
        files = await _deliver_once(bot, url)
        hits = server.hits("/p.png")
        await dpytest.message(f"$dl {url}?utm_source=share&fbclid=abc")
        answer = dpytest.get_message().content
        await drain(bot)
        assert server.hits("/p.png") == hits
    found = JUMP.search(answer)
    assert found is not None, answer
    assert (int(found[1]), int(found[2]), int(found[3])) == (
        files.guild.id,
        files.channel.id,
        files.id,
    )
    assert "force" in answer
    assert _messages() == []  # no acknowledgement, no second upload


async def test_force_downloads_a_delivered_link_again(
    make_bot, downloaders, tmp_path: Path
) -> None:
    """``force`` (before or after the priority) downloads again: the server is asked again."""
    bot = await make_bot(downloaders.route)
    with MediaServer() as server:
        url = server.add_file("/p.png", make_image(tmp_path / "p.png"), content_type="image/png")
        await _deliver_once(bot, url)
        hits = server.hits("/p.png")
        await _deliver_once(bot, f"{url} force low")
        assert server.hits("/p.png") > hits


async def test_a_link_on_its_way_is_answered_with_its_status_message(make_bot) -> None:
    """A link already queued here: the answer links to that job's status message."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route)
    await dpytest.message("$dl https://example.com/a.mp4")
    status = dpytest.get_message()
    async with asyncio.timeout(10):
        await fake.started.wait()
    await dpytest.message("$dl https://example.com/a.mp4#again")
    answer = dpytest.get_message().content
    fake.gate.set()
    await drain(bot)
    found = JUMP.search(answer)
    assert found is not None, answer
    assert int(found[3]) == status.id
    assert len(fake.calls) == 1


def _channel_in(bot, name: str, guild_id: int = -1, channel_id: int = -1, user_id: int = -1):
    """A text channel of a guild (these ids, if given) with the bot and a member (this id)."""
    guild = dpytest.backend.make_guild(name, id_num=guild_id)
    channel = dpytest.backend.make_text_channel("general", guild, id_num=channel_id)
    dpytest.backend.make_member(bot.user, guild)
    user = dpytest.get_config().members[0]._user
    if user_id != -1:
        user = dpytest.backend.make_user("again", 1, id_num=user_id)
    return channel, dpytest.backend.make_member(user, guild)


async def test_delivered_links_are_remembered_after_a_restart(make_bot) -> None:
    """A new bot on the same data directory still knows what was delivered in that guild."""
    fake = FakeDownloader()
    first = await make_bot(fake.route)
    await dpytest.message("$dl https://example.com/a.mp4")
    await drain(first)
    await first.service.close()
    files = next(m for m in _messages() if m.attachments)
    second = await make_bot(fake.route)
    channel, _ = _channel_in(second, "same", files.guild.id, files.channel.id)
    await dpytest.message("$dl https://www.example.com/a.mp4?utm_medium=social", channel=channel)
    await drain(second)
    found = JUMP.search(dpytest.get_message().content)
    assert found is not None
    assert int(found[3]) == files.id
    assert len(fake.calls) == 1


async def test_another_server_downloads_its_own_copy(make_bot) -> None:
    """Repeats count per server: the same link in another guild is a new job."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    await dpytest.message("$dl https://example.com/a.mp4")
    await drain(bot)
    await dpytest.message("$dl https://example.com/a.mp4", channel=_channel_in(bot, "other")[0])
    await drain(bot)
    assert len(fake.calls) == 2
