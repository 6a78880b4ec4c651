"""Queue items for the queue tests: a fresh user each unless one is given."""

from boss_bot.core.items import DownloadItem, DownloadPriority
from boss_bot.core.urls import Platform

_users = iter(range(1000, 10**6))


def queue_item(
    priority: DownloadPriority = DownloadPriority.NORMAL,
    *,
    user: int | None = None,
    guild: int | None = 1,
) -> DownloadItem:
    """A waiting job of ``priority``, by ``user`` (a new one if None) in ``guild``."""
    return DownloadItem(
        url="https://e.test/a",
        platform=Platform.GENERIC,
        user_id=user or next(_users),
        channel_id=2,
        guild_id=guild,
        priority=priority,
    )
