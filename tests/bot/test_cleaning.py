"""A photo posted by the bot carries no EXIF: no GPS position, and it stands upright.

Real gallery-dl downloads a JPEG with GPS and Orientation tags from the loopback media
server; the attachment dpytest receives is read back and decoded by ffmpeg.
"""

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import discord.ext.test as dpytest
import pytest

from tests.bot.conftest import drain
from tests.core.cleankit import corner_jpeg, exif_app1, rgb
from tests.support.media_server import MediaServer


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A 64×32 JPEG stored sideways, with Orientation 6 and a GPS latitude."""
    return corner_jpeg(tmp_path / "photo.jpg", exif_app1(6))


async def _posted(make_bot, router, photo: Path, **settings: object) -> Path:
    """``$dl`` the photo; return where dpytest saved the attachment the bot posted."""
    bot = await make_bot(router, **settings)
    with MediaServer() as server:
        url = server.add_file("/photo.jpg", photo, content_type="image/jpeg")
        await dpytest.message(f"$dl {url}")
        dpytest.get_message()  # the acknowledgement
        await drain(bot, timeout=60)
    [attachment] = dpytest.get_message().attachments
    return Path(url2pathname(urlsplit(attachment.url).path))


async def test_a_posted_photo_has_no_gps_and_stands_upright(
    make_bot, downloaders, photo: Path
) -> None:
    """The JPEG arrives without its EXIF segment, turned as its Orientation asked."""
    posted = await _posted(make_bot, downloaders.route, photo)
    data = posted.read_bytes()
    assert data[:3] == b"\xff\xd8\xff"
    assert b"Exif" not in data
    assert rgb(posted)[:2] == (32, 64)


async def test_with_stripping_off_the_photo_arrives_as_served(
    make_bot, downloaders, photo: Path
) -> None:
    """``STRIP_METADATA=false``: the bytes the site served, EXIF and all."""
    posted = await _posted(make_bot, downloaders.route, photo, strip_metadata=False)
    assert posted.read_bytes() == photo.read_bytes()
