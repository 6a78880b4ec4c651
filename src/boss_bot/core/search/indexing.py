"""From a delivered job to what search keeps of it."""

import re
from datetime import datetime

from boss_bot.core.card import Card
from boss_bot.core.items import DownloadItem
from boss_bot.core.search.entries import Entry, owner_of

WEB = "https://discord.com/channels"
DISCORD_HOSTS = re.compile(r"^https://(?:ptb\.|canary\.)?discord(?:app)?\.com/channels")


def jump_url(guild_id: int | None, channel_id: int, message_id: int) -> str:
    """Discord's link to a message (``@me`` stands for direct messages)."""
    return f"{WEB}/{guild_id if guild_id is not None else '@me'}/{channel_id}/{message_id}"


def link_key(target: str) -> str:
    """A job id or link as typed, as the store keeps it (any Discord host: ``discord.com``)."""
    return DISCORD_HOSTS.sub(WEB, target.strip().strip("<>"))


def entry_of(item: DownloadItem, card: Card | None, delivered_at: datetime) -> Entry | None:
    """The entry for a delivered job; ``None`` before its files were posted."""
    if item.files_message_id is None:
        return None
    card = card or Card()
    return Entry(
        job_id=item.id,
        owner=owner_of(item.guild_id, item.user_id),
        channel_id=item.channel_id,
        requester_id=item.user_id,
        delivered_at=delivered_at,
        jump_url=jump_url(item.guild_id, item.channel_id, item.files_message_id),
        title=card.title,
        uploader=card.author,
        description=card.description,
        source_url=card.source_url or item.url,
        uploaded=card.uploaded,
        tags=card.tags,
        captions=card.captions,
    )
