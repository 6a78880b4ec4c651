"""End to end: a server's settings, changed from Discord, apply at once and survive a restart."""

from pathlib import Path

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub, StubMessage


async def _said(
    stub: DiscordStub, text: str, user_id: int | None = None
) -> tuple[int, StubMessage]:
    """Post ``text``; return its id and the bot's reply to it."""
    sent = int((await stub.send_user_message(text, user_id=user_id))["id"])
    return sent, await stub.wait_for_message(lambda m: m.reply_to == sent, 20)


async def _posted(stub: DiscordStub, text: str) -> int:
    return int((await stub.send_user_message(text))["id"])


async def test_an_admins_prefix_applies_at_once_and_is_kept_after_a_restart(tmp_path: Path) -> None:
    """The owner sets ``!`` (a member may not); ``!`` works and ``$`` not, after a restart too."""
    async with DiscordStub() as stub:
        member = stub.add_user("bea")
        bot = BotProcess(stub, tmp_path / "data", tmp_path / "bot.log")
        await bot.start()
        _, refused = await _said(stub, "$settings set prefix ?", member)
        _, done = await _said(stub, "$settings set prefix !")
        ignored = [await _posted(stub, "$dls")]
        await stub.send_user_message("!dlh")
        helped = await stub.wait_for_message(lambda m: "Type `!dlh <command>`" in m.content, 20)
        assert await bot.stop() == 0
        await bot.start()
        ignored.append(await _posted(stub, "$dls"))
        _, view = await _said(stub, "!settings")
        _, mentioned = await _said(stub, f"<@{stub.bot_user_id}> dls")
        assert await bot.stop() == 0
    assert refused.content == (
        "⚠️ Changing this server's settings needs the **Manage Server** permission."
    )
    assert done.content == "✅ `prefix` set: `$` → `!`"
    assert helped.content.startswith("**boss-bot**: post a link, get the media.")
    assert "`prefix`: `!` · set by owner" in view.content
    assert mentioned.content.startswith("⚙️ **Your settings")
    assert not [m for m in stub.messages if m.reply_to in ignored]  # `$` is no prefix there
    assert "Traceback" not in bot.log()
