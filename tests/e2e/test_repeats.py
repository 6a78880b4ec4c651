"""End to end: a link delivered before is answered with a jump link, even after a restart.

The real bot process downloads a picture from the loopback media server once; asked
again (with tracking parameters, then after a restart) it answers with a link to the
reply that carried the file, and the media server sees no new request. ``$stats``
after the restart still counts the delivery.
"""

import re
from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2_000
JUMP = re.compile(r"https://discord\.com/channels/(\d+)/(\d+)/(\d+)")


async def test_a_repeated_link_is_answered_with_the_earlier_post(tmp_path: Path) -> None:
    """Delivered once; asked again twice (once after a restart): jump links, no new request."""
    with MediaServer() as media:
        url = media.add_file("/p.png", PNG, content_type="image/png")
        async with DiscordStub() as stub:
            bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
            await bot.start()
            await stub.send_user_message(f"$dl {url}")
            files = await stub.wait_for_message(lambda m: bool(m.attachments), timeout=60)
            await stub.wait_for_message(lambda m: m.content.startswith("✅"))  # job finished
            hits = media.hits("/p.png")
            answers = []
            for again in (f"$dl {url}?utm_source=share&fbclid=x", f"$dl <{url}#top>"):
                request = int((await stub.send_user_message(again))["id"])
                answers.append(await stub.wait_for_message(lambda m, r=request: m.reply_to == r))
                if len(answers) == 1:
                    assert await bot.stop() == 0, bot.log()[-3000:]
                    await bot.start()
            asked = int((await stub.send_user_message("$stats"))["id"])
            stats = await stub.wait_for_message(lambda m: m.reply_to == asked)
            assert await bot.stop() == 0, bot.log()[-3000:]
        assert media.hits("/p.png") == hits
    for answer in answers:
        found = JUMP.search(answer.content)
        assert found is not None, answer.content
        assert (int(found[2]), int(found[3])) == (files.channel_id, files.id)
        assert "force" in answer.content
    assert sum(1 for m in stub.messages if m.attachments) == 1
    assert "✅ 1 delivered · ❌ 0 failed" in stats.content, stats.content
    assert "**Busiest members**: <@" in stats.content  # shown, never pinged:
    assert stats.allowed_mentions is not None
    assert not stats.allowed_mentions.get("parse")
    assert not stats.allowed_mentions.get("users")
