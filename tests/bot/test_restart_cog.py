"""``$restart``: refused to everyone but the bot's owner; the owner's leaves a notice."""

import json
from importlib.metadata import version

import discord.ext.test as dpytest

from boss_bot.core.storage.paths import Storage
from tests.bot.conftest import say


async def test_restart_is_refused_to_anyone_but_the_owner(make_bot) -> None:
    """A member who does not own the bot is told so; nothing closes, no notice is left."""
    bot = await make_bot()
    await say("$restart")
    assert dpytest.get_message().content == "🚫 Only the bot's owner can do that."
    assert not bot.is_closed()
    assert not bot.restarting
    assert not Storage(bot.settings.data_dir).restart_notice.exists()


async def test_the_owners_restart_answers_leaves_a_notice_and_closes(make_bot, mocker) -> None:
    """The owner gets "restarting…"; its message is noted for the next process; the bot closes."""
    bot = await make_bot()
    close = mocker.patch.object(bot, "close")  # dpytest's gateway cannot be closed
    bot.owner_id = dpytest.get_config().members[0].id
    await dpytest.message("$restart")
    answer = dpytest.get_message()
    assert answer.content.startswith("🔄 Restarting… Waiting and running jobs are kept")
    notice = json.loads(Storage(bot.settings.data_dir).restart_notice.read_text())
    assert notice == {"channel_id": answer.channel.id, "message_id": answer.id}
    assert bot.restarting
    close.assert_awaited_once()


async def test_once_ready_the_notice_is_taken_and_the_message_says_back(make_bot, mocker) -> None:
    """The next process's ``on_ready`` edits the noted message, with versions, once."""
    bot = await make_bot()
    mocker.patch.object(bot, "close")
    bot.owner_id = dpytest.get_config().members[0].id
    await dpytest.message("$restart")
    answer = dpytest.get_message()
    bot.dispatch("ready")
    await dpytest.run_all_events()
    edited = await answer.channel.fetch_message(answer.id)
    ytdlp, gallerydl = version("yt-dlp"), version("gallery-dl")
    assert (
        edited.content
        == f"✅ Back after a restart, with yt-dlp {ytdlp} and gallery-dl {gallerydl}."
    )
    assert not Storage(bot.settings.data_dir).restart_notice.exists()


async def test_a_malformed_notice_is_dropped(make_bot) -> None:
    """A notice that cannot be read is removed and nothing is edited."""
    bot = await make_bot()
    notice = Storage(bot.settings.data_dir).restart_notice
    notice.write_text("{not json")
    bot.dispatch("ready")
    await dpytest.run_all_events()
    assert not notice.exists()
    assert dpytest.verify().message().nothing()
