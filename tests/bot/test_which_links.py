"""Which command takes which links, and the answer for a site that does not exist."""

import socket

import discord.ext.test as dpytest
import pytest

from boss_bot.errors import FailureKind
from tests.bot.conftest import drain, say
from tests.fakes import FakeDownloader


@pytest.mark.parametrize(
    "url",
    [
        "https://www.reddit.com/r/pics/comments/abc/title/",
        "https://v.redd.it/abc123",
        "https://redd.it/abc",
    ],
)
async def test_dlt_sends_reddit_links_to_dlr(make_bot, url: str) -> None:
    """``$dlt`` refuses a Reddit link, naming ``$dlr``; nothing is downloaded."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    await say(f"$dlt {url}")
    assert dpytest.get_message().content == "⚠️ That is a Reddit link: use `$dlr` (or `$dl`) for it."
    assert fake.calls == []
    assert len(bot.service.queue_view()) == 0


@pytest.mark.parametrize(
    ("command", "url"),
    [
        ("dlt", "https://x.com/user/status/1"),
        ("dlt", "https://www.instagram.com/p/CxYz123AbC/"),
        ("dl", "https://www.reddit.com/r/pics/comments/abc/title/"),
        ("dl", "https://x.com/user/status/1"),
        ("dlr", "https://v.redd.it/abc123"),
    ],
)
async def test_each_command_takes_its_links(make_bot, command: str, url: str) -> None:
    """``$dlt`` anything but Reddit, ``$dlr`` Reddit, ``$dl`` any link."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    await dpytest.message(f"${command} {url}")
    await drain(bot)
    assert [called for called, _ in fake.calls] == [url]


async def test_a_name_that_does_not_resolve_is_refused_at_once(make_bot, monkeypatch) -> None:
    """No such host name: "no such site" when the link is given; nothing is queued."""

    def no_such_name(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    fake = FakeDownloader()
    bot = await make_bot(fake.route, allow_private_urls=False)
    await say("$dl https://nosuch-site.example/clip.mp4")
    reply = dpytest.get_message().content
    assert reply.startswith("⚠️ There is no site called nosuch-site.example"), reply
    assert "typo" in reply
    assert fake.calls == []
    assert len(bot.service.queue_view()) == 0


async def test_no_such_site_in_the_downloader_is_not_tried_again(make_bot) -> None:
    """A downloader that finds no such host fails the job once, not three times."""
    fake = FakeDownloader(fail=FailureKind.NO_SUCH_SITE)
    bot = await make_bot(fake.route, download_tries=3, retry_delay=0)
    await dpytest.message("$dl https://example.com/clip.mp4")
    ack = dpytest.get_message()
    await drain(bot)
    status = (await ack.channel.fetch_message(ack.id)).content
    assert "There is no site called example.com" in status
    assert "Tried" not in status
    assert len(fake.calls) == 1
