"""Wiring search from the settings: the store in the data directory, the optional models."""

from datetime import timedelta

from boss_bot.core.search.ports import ChatModel, Embedding
from boss_bot.core.search.retrieval import Retriever
from boss_bot.core.search.searching import Search
from boss_bot.core.search.sqlite import SqliteSearchIndex
from boss_bot.core.server_settings import SettingsStore
from boss_bot.core.storage.paths import Storage
from boss_bot.settings import BotSettings


def build_search(
    settings: BotSettings,
    servers: SettingsStore,
    embedding: Embedding | None = None,
    chat: ChatModel | None = None,
) -> Search:
    """Search over ``search.sqlite3`` in the data directory, on where servers turned it on.

    In direct messages the member decides (``$dls set search on``): only they can ever
    find their own DM downloads.
    """
    index = SqliteSearchIndex(Storage(settings.data_dir).search_db)
    return Search(
        Retriever(index, embedding),
        indexed_in=lambda guild, user: (
            servers.server(guild).search if guild is not None else servers.member(user).search
        ),
        retention=timedelta(days=settings.search_retention_days),
        subtitle_langs=settings.subtitle_patterns(),
        chat=chat,
    )
