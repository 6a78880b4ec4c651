"""End to end: a video over the server's upload limit is re-encoded to fit, or not touched.

Real bot process, real yt-dlp and ffmpeg, the stub's guild at boost tier 0 (10 MiB)
or tier 2 (50 MiB).
"""

from pathlib import Path

import pytest

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media import make_big_clip, probe
from tests.support.media_server import MediaServer

MIB = 1024 * 1024


@pytest.fixture(scope="module")
def big_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 15 MB of 720p H.264/AAC, 20 s."""
    out = tmp_path_factory.mktemp("fit") / "big.mp4"
    make_big_clip(out)
    assert out.stat().st_size > 10 * MIB
    return out


async def _download(tmp_path: Path, video: Path, tier: int) -> tuple[bytes, list[str]]:
    with MediaServer() as media:
        url = media.add_file("/big.mp4", video, content_type="video/mp4")
        async with DiscordStub(premium_tier=tier) as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            upload = await stub.wait_for_message(
                lambda m: m.reply_to == request and m.attachments, timeout=120
            )
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content)
            assert await bot.stop() == 0
    return upload.attachments[0].data, [e.get("content", "") for e in ack.edits]


async def test_tier_0_gets_a_playable_file_under_10_mib(tmp_path: Path, big_video: Path) -> None:
    """15 MB in, under 10 MiB out, H.264/AAC of the same length; the status said so."""
    data, shown = await _download(tmp_path, big_video, tier=0)
    assert len(data) <= 10 * MIB
    fitted = tmp_path / "fitted.mp4"
    fitted.write_bytes(data)
    streams = {s["codec_type"]: s["codec_name"] for s in probe(fitted)["streams"]}
    assert streams == {"video": "h264", "audio": "aac"}
    assert abs(float(probe(fitted)["format"]["duration"]) - 20) < 0.5
    assert any("shrinking the file(s) to fit" in text for text in shown)


async def test_tier_2_gets_the_original_bytes(tmp_path: Path, big_video: Path) -> None:
    """At 50 MiB the same file fits: it arrives unchanged, without a processing phase."""
    data, shown = await _download(tmp_path, big_video, tier=2)
    assert data == big_video.read_bytes()
    assert not any("shrinking" in text for text in shown)
