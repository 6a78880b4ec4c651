"""With ``EMBEDDING_MODEL``, a delivered job is found by meaning, not only by its words."""

from datetime import UTC, datetime
from pathlib import Path

import discord.ext.test as dpytest

from boss_bot.core.card import Card
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.urls import Platform
from tests.bot.conftest import say
from tests.support.tiny_model import save_tiny_model


def _delivered(title: str, message_id: int) -> tuple[DownloadItem, DownloadResult]:
    """A completed job as the runner reports it to its finish hooks, after posting."""
    config = dpytest.get_config()
    item = DownloadItem(
        "https://example.org/v",
        Platform.GENERIC,
        config.members[0].id,
        config.channels[0].id,
        config.guilds[0].id,
        status=DownloadStatus.COMPLETED,
        completed_at=datetime.now(UTC),
        files_message_id=message_id,
    )
    return item, DownloadResult((), card=Card(title=title, shown=False))


async def test_a_word_finds_an_item_that_only_means_it(make_bot, tmp_path: Path) -> None:
    """``cat`` finds "kitten sleeps" (no word in common), ranked over an unrelated item."""
    model = save_tiny_model(tmp_path / "model")
    bot = await make_bot(embedding_model=model)
    guild = dpytest.get_config().guilds[0]
    bot.servers.change(guild.id, "search", "on", (1, "owner"))
    for title, message in (("The kitten sleeps", 11), ("Wind over the river", 12)):
        bot.search.record(*_delivered(title, message))
    await say("$find cat")
    found = dpytest.get_message().content
    assert found.splitlines()[1].startswith("1. **The kitten sleeps**")
    assert f"/{dpytest.get_config().channels[0].id}/11>" in found


async def test_without_search_on_nothing_is_kept(make_bot) -> None:
    """A server that did not turn search on keeps nothing of its delivered jobs."""
    bot = await make_bot()
    bot.search.record(*_delivered("The kitten sleeps", 11))
    owner = f"guild:{dpytest.get_config().guilds[0].id}"
    assert bot.search.retriever.index.search(owner, "kitten") == []
