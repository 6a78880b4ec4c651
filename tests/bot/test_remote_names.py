"""File names chosen by a remote server reach Discord harmless: escaped, clean and short.

Real gallery-dl downloads from the loopback media server, which names each file in
its URL; the names come back in the ✅ message and as attachment names.
"""

from pathlib import Path
from urllib.parse import quote

import discord.ext.test as dpytest
import pytest

from boss_bot.bot import render
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.urls import Platform
from tests.bot.conftest import drain
from tests.support.media import make_image
from tests.support.media_server import MediaServer

RTL_OVERRIDE = "\u202e"


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_image(tmp_path_factory.mktemp("names") / "pic.png")


async def _download_named(make_bot, router, picture: Path, name: str) -> tuple[str, list[str]]:
    """``$dl`` a picture served under ``name``; return the final status and attachment names."""
    bot = await make_bot(router)
    with MediaServer() as server:
        server.add_file("/i/" + quote(name), picture, content_type="image/png")
        await dpytest.message(f"$dl {server.url('/i/' + quote(name))}")
        ack = dpytest.get_message()
        await drain(bot, timeout=60)
    upload = dpytest.get_message()
    status = await ack.channel.fetch_message(ack.id)
    return status.content, [attachment.filename for attachment in upload.attachments]


@pytest.mark.slow
async def test_markdown_and_mentions_in_a_name_are_escaped(
    make_bot, downloaders, picture: Path
) -> None:
    """``@everyone <@&…> **bold** ||x||`` shows literally, neither pinging nor formatting."""
    role = "<@&123456789012345678>"
    status, names = await _download_named(
        make_bot, downloaders.route, picture, f"@everyone {role} **b** ||x||.png"
    )
    assert status.startswith("✅"), status
    for raw in ("@everyone", role, "**b**", "||x||"):
        assert raw not in status
    for escaped in (r"\*\*b\*\*", r"\|\|x\|\|"):
        assert escaped in status
    assert names == [f"@everyone {role} **b** ||x||.png"]  # attachment names are not markdown


async def test_bidi_overrides_are_stripped(make_bot, downloaders, picture: Path) -> None:
    """A name with U+202E (right-to-left override) arrives without it, as it really reads."""
    status, names = await _download_named(
        make_bot, downloaders.route, picture, f"cat{RTL_OVERRIDE}gnp.exe.png"
    )
    assert RTL_OVERRIDE not in status
    assert "catgnp.exe.png" in status
    assert names == ["catgnp.exe.png"]


async def test_a_name_too_long_for_the_disk_is_shortened(
    make_bot, downloaders, picture: Path
) -> None:
    """A 300-byte name (over the file system's 255) arrives shortened, extension kept."""
    status, names = await _download_named(make_bot, downloaders.route, picture, "é" * 150 + ".png")
    assert status.startswith("✅"), status
    [name] = names
    assert name.endswith(".png")
    assert name.startswith("éé")
    assert len(name) <= 100


def test_notes_that_name_a_file_are_escaped(tmp_path: Path) -> None:
    """A note about a left-out file (too many pixels) quotes its name inertly."""
    done = tmp_path / "ok.png"
    done.write_bytes(b"png")
    note = f"@everyone **x**{RTL_OVERRIDE}.png is 10000×10000, more than the 50 I will process."
    item = DownloadItem(
        url="https://example.com/a",
        platform=Platform.GENERIC,
        user_id=1,
        channel_id=2,
        status=DownloadStatus.COMPLETED,
    )
    text = render.status(item, DownloadResult((done,), notes=(note,)))
    assert "@everyone" not in text
    assert r"\*\*x\*\*.png is 10000×10000" in text
