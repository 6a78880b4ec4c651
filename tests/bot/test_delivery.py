"""How results reach the channel: batches of ten, size limits, and their messages."""

import discord.ext.test as dpytest

from tests.bot.conftest import drain, sent
from tests.fakes import MP4, FakeDownloader


async def test_twelve_images_arrive_in_two_messages_in_order(make_bot) -> None:
    """12 files are posted as 10 + 2 attachments, in the source's order, as replies."""
    files = {f"{n:02}.jpg": b"\xff\xd8\xff" + bytes([n]) for n in range(12)}
    bot = await make_bot(FakeDownloader(files=files).route)
    await dpytest.message("$dl https://example.com/gallery")
    dpytest.get_message()
    await drain(bot)
    first, second = dpytest.get_message(), dpytest.get_message()
    names = [a.filename for a in first.attachments + second.attachments]
    assert [len(first.attachments), len(second.attachments)] == [10, 2]
    assert names == sorted(files)


async def test_a_file_over_the_guild_limit_is_explained(make_bot) -> None:
    """A file over the server's limit is not posted; the status names its size and the limit."""
    big = {"huge.mp4": MP4.ljust(10 * 1024 * 1024 + 1, b"\x00")}
    bot = await make_bot(FakeDownloader(files=big).route)
    await dpytest.message("$dlt https://example.com/huge.mp4")
    ack = dpytest.get_message()
    await drain(bot)
    status = await ack.channel.fetch_message(ack.id)
    assert "huge.mp4 (10.0 MB): over this server's 10.0 MB upload limit" in status.content
    assert "Source: <https://example.com/huge.mp4>" in status.content
    assert [m.attachments for m in sent()] == [[]]  # no file; the failure's mention only


async def test_partly_oversized_results_deliver_what_fits(make_bot) -> None:
    """When some files fit, they are posted and the rest are named in the ✅ message."""
    files = {"ok.jpg": b"\xff\xd8\xff", "huge.mp4": MP4.ljust(11 * 1024 * 1024, b"\x00")}
    bot = await make_bot(FakeDownloader(files=files).route)
    await dpytest.message("$dl https://example.com/post")
    ack = dpytest.get_message()
    await drain(bot)
    assert [a.filename for a in dpytest.get_message().attachments] == ["ok.jpg"]
    status = await ack.channel.fetch_message(ack.id)
    assert status.content.startswith("✅")
    assert "Left out huge.mp4 (11.0 MB)" in status.content
