"""``$dlt``, ``$dlr`` and ``$dl`` through dpytest, with a fake downloader."""

import asyncio

import discord.ext.test as dpytest
import pytest

from boss_bot.errors import FailureKind
from tests.bot.conftest import drain, say, sent
from tests.fakes import MP4, FakeDownloader


async def test_dlt_acknowledges_then_replies_with_the_file(make_bot) -> None:
    """The bot acknowledges with the job id, then posts the file and marks the job done.

    dpytest drops message references; that the upload replies to the request is
    asserted end to end against the Discord stub (tests/e2e).
    """
    fake = FakeDownloader(files={"clip.mp4": MP4 + b"video-bytes"})
    bot = await make_bot(fake.route)
    await dpytest.message("$dlt https://example.com/video.mp4")
    ack = dpytest.get_message()
    assert "accepted" in ack.content
    await drain(bot)
    upload = dpytest.get_message()
    assert [a.filename for a in upload.attachments] == ["clip.mp4"]
    job_id = ack.content.split("`")[1]
    status = await ack.channel.fetch_message(ack.id)
    assert status.content.startswith(f"✅ Job `{job_id}` done: clip.mp4")
    assert fake.calls[0][0] == "https://example.com/video.mp4"


async def test_job_directory_is_removed_after_success_and_failure(make_bot) -> None:
    """Nothing is left in the temp tree once a job ends, whatever the outcome."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    await dpytest.message("$dl https://example.com/a.mp4")
    await drain(bot)
    fake.fail = FailureKind.NOT_FOUND
    await dpytest.message("$dl https://example.com/b.mp4")
    await drain(bot)
    assert list(bot.service._parts.storage.temp.iterdir()) == []


async def test_failed_download_shows_a_friendly_reason(make_bot) -> None:
    """A 404 ends as ❌ with a readable reason, and no file is posted."""
    bot = await make_bot(FakeDownloader(fail=FailureKind.NOT_FOUND).route)
    await dpytest.message("$dlt https://example.com/gone.mp4")
    ack = dpytest.get_message()
    await drain(bot)
    status = await ack.channel.fetch_message(ack.id)
    assert "❌" in status.content
    assert "not found" in status.content
    assert [m.attachments for m in sent()] == [[]]  # no file; the failure's mention only


async def test_dlr_refuses_non_reddit_links(make_bot) -> None:
    """``$dlr`` says it is for Reddit and points to the other commands."""
    fake = FakeDownloader()
    await make_bot(fake.route)
    await say("$dlr https://x.com/user/status/1")
    reply = dpytest.get_message().content
    assert "`$dlr` is for Reddit links" in reply
    assert "$dlt" in reply
    assert fake.calls == []


async def test_dlr_accepts_reddit_links(make_bot) -> None:
    """A reddit.com link is accepted by ``$dlr`` and downloaded."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    await dpytest.message("$dlr https://www.reddit.com/r/pics/comments/abc/title/")
    await drain(bot)
    assert fake.calls[0][0] == "https://www.reddit.com/r/pics/comments/abc/title/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$dlt ftp://example.com/a.mp4", "Only http:// and https://"),
        ("$dlt https://user:pw@example.com/a.mp4", "user name or password"),
        ("$dlt not-a-url", "Only http:// and https://"),
        ("$dlt https://a.example/x example.com/y", "Link 2 of 2 (`example.com/y`): Only http"),
        ("$dlt https://a.example/x high extra", "`extra` is not one of: low, normal, high"),
        ("$dlt https://a.example/x high https://b.example/y", "Put the priority"),
        ("$dlt", "Missing `url`"),
    ],
)
async def test_bad_input_gets_a_specific_message(make_bot, text: str, expected: str) -> None:
    """Invalid links and wrong arguments get a clear answer; nothing is queued."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    await say(text)
    reply = dpytest.get_message().content
    assert expected in reply
    assert "Traceback" not in reply
    assert len(bot.service.queue_view()) == 0
    assert fake.calls == []


async def test_private_addresses_are_refused_when_not_allowed(make_bot) -> None:
    """With private URLs disallowed, a loopback link is refused before any download."""
    fake = FakeDownloader()
    await make_bot(fake.route, allow_private_urls=False)
    await say("$dl http://127.0.0.1:9/video.mp4")
    assert "private or internal address" in dpytest.get_message().content
    assert fake.calls == []


async def test_queue_full_is_refused_with_the_numbers(make_bot) -> None:
    """When the queue is full, the answer says so and the job is not accepted."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_queue_size=1)
    await dpytest.message("$dl https://example.com/1.mp4")
    dpytest.get_message()
    await say("$dl https://example.com/2.mp4")
    assert "queue is full" in dpytest.get_message().content
    fake.gate.set()
    await drain(bot)
    assert len(fake.calls) == 1
