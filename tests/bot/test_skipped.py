"""Files that are not pictures, video or audio are never posted, and the status says so."""

import discord.ext.test as dpytest

from tests.bot.conftest import drain, sent
from tests.fakes import MP4, FakeDownloader

PLAYLIST = b"#EXTM3U\n#EXTINF:3,\n/home/me/videos/holiday.mp4\n#EXT-X-ENDLIST\n"


async def test_a_playlist_and_a_subtitle_file_are_skipped_with_a_note(make_bot) -> None:
    """The clip is posted; the playlist and the subtitle file (one named .mp4) are not."""
    files = {"clip.mp4": MP4, "list.m3u8": PLAYLIST, "subs.mp4": b"WEBVTT\n\n00:00.000 --> x\n"}
    bot = await make_bot(FakeDownloader(files=files).route)
    await dpytest.message("$dl https://example.com/post")
    ack = dpytest.get_message()
    await drain(bot)
    assert [a.filename for a in dpytest.get_message().attachments] == ["clip.mp4"]
    status = await ack.channel.fetch_message(ack.id)
    assert status.content.startswith("✅")
    assert status.content.endswith(
        "Skipped 2 files that are not pictures, video or audio (a playlist, a subtitle file)."
    )


async def test_a_job_of_nothing_but_a_playlist_fails_clearly(make_bot) -> None:
    """Nothing is posted and the job fails saying what the link served."""
    bot = await make_bot(FakeDownloader(files={"clip.mp4": PLAYLIST}).route)
    await dpytest.message("$dl https://example.com/clip.mp4")
    ack = dpytest.get_message()
    await drain(bot)
    status = await ack.channel.fetch_message(ack.id)
    assert status.content.endswith(
        "failed: The link served no picture, video or audio (only a playlist)."
    )
    assert [m.attachments for m in sent()] == [[]]  # no file; the failure's mention only
