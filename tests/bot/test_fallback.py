"""``$dl`` with the real libraries: when the first downloader fails, the other one tries.

A link ending in ``.jpg`` goes to gallery-dl's direct-link extractor first; the
loopback server answers it with a web page, which gallery-dl refuses. yt-dlp's
generic extractor then reads the page and finds the HTML5 video in it.
"""

from pathlib import Path

import discord.ext.test as dpytest
import pytest

from tests.bot.conftest import drain, sent
from tests.support.media import make_video
from tests.support.media_server import MediaServer

PAGE = """<!DOCTYPE html><html><head><title>A post</title></head><body>
<video controls><source src="/v/clip.mp4" type="video/mp4"></video></body></html>"""


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-second mp4."""
    return make_video(tmp_path_factory.mktemp("fallback") / "clip.mp4", seconds=2)


async def _dl(make_bot, downloaders, server: MediaServer, path: str) -> str:
    """``$dl`` the server's ``path``; the job's final status text."""
    bot = await make_bot(downloaders.route, download_tries=1)
    await dpytest.message(f"$dl {server.url(path)}")
    ack = dpytest.get_message()
    await drain(bot, timeout=90)
    return (await ack.channel.fetch_message(ack.id)).content


@pytest.mark.slow
async def test_a_page_behind_a_picture_link_falls_back_to_ytdlp(
    make_bot, downloaders, clip: Path
) -> None:
    """gallery-dl gets HTML for ``post.jpg``; yt-dlp finds the video in it, which is posted."""
    with MediaServer() as server:
        server.add_html("/post.jpg", PAGE)
        server.add_file("/v/clip.mp4", clip, content_type="video/mp4")
        status = await _dl(make_bot, downloaders, server, "/post.jpg")
        assert server.hits("/post.jpg") >= 2  # gallery-dl, then yt-dlp
    assert status.startswith("✅"), status
    upload = dpytest.get_message()
    [attachment, poster] = upload.attachments  # the video, and its caption card's poster
    assert attachment.filename.endswith(".mp4")
    assert poster.filename == "poster.jpg"


async def test_when_both_fail_the_message_says_what_each_found(make_bot, downloaders) -> None:
    """A page with no media at a picture link: both tried, each one's reason given."""
    with MediaServer() as server:
        server.add_html("/post.jpg", "<!DOCTYPE html><html><body><p>Nothing.</p></body></html>")
        status = await _dl(make_bot, downloaders, server, "/post.jpg")
    assert status.startswith("❌"), status
    assert "The link served no picture, video or audio" in status
    assert (
        "Tried gallery-dl (got a web page, not media) and yt-dlp (doesn't handle that link)."
        in status
    )
    assert [m.attachments for m in sent()] == [[]]  # no file; the failure's mention only
