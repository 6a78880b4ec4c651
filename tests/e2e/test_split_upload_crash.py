"""End to end: ``kill -9`` between the single-file messages of a 413 split.

The real bot process gets a page with three videos; Discord answers 413 for the
three-file message, the bot posts them one per message, and dies (SIGKILL) while the
third upload is in flight. After a restart every file is there exactly once.
"""

import signal
from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media import make_video
from tests.support.media_server import MediaServer

PAGE = "<html><head><title>three</title></head><body>{}</body></html>"


async def test_a_kill_between_split_messages_posts_every_file_once(tmp_path: Path) -> None:
    """Two of three split files posted, SIGKILL, restart: the third is posted, none twice."""
    with MediaServer() as media:
        for n in range(3):
            video = make_video(tmp_path / f"v{n}.mp4")
            media.add_file(f"/v{n}.mp4", video, content_type="video/mp4")
        url = media.add_html(
            "/page.html", PAGE.format("".join(f'<video src="/v{n}.mp4"></video>' for n in range(3)))
        )
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            stub.fail_next_uploads(1, status=413)
            release = stub.hold_upload(after=3)  # the refused message, then two single files
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            held = await stub.wait_for_event("upload_held", timeout=90)
            assert await bot.stop(signal.SIGKILL) == -signal.SIGKILL
            release.set()

            def names(card: bool = False) -> list[str]:  # the caption card's poster, or the files
                replies = [m for m in stub.messages if m.reply_to == request]
                found = [a.filename for m in replies for a in m.attachments]
                return [name for name in found if (name == "poster.jpg") == card]

            before = names()
            await bot.start()
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 90)
            assert await bot.stop() == 0, bot.log()[-3000:]
    (third,) = held.data["files"]
    assert len(set(before)) == 2
    assert third not in before
    assert sorted(names()) == sorted([*before, third])  # each of the three exactly once
    assert names(card=True) == ["poster.jpg"]  # with the first file, and not counted as one
    assert len(stub.events_of("upload_rejected")) == 1
