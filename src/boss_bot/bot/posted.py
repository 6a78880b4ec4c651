"""What a restarted job already posted: the channel's replies to its request, counted."""

import discord
from loguru import logger

from boss_bot.bot.cards import POSTER_NAME
from boss_bot.core.items import DownloadItem


def label(item: DownloadItem) -> str:
    """The text of a job's file replies: its id when several jobs reply to one request."""
    return f"Job `{item.id}`" if item.shared_status else ""


def media_count(message: discord.Message) -> int:
    """The message's attachments that are a job's files: the caption card's poster is not."""
    posters = message.embeds and any(a.filename == POSTER_NAME for a in message.attachments)
    return len(message.attachments) - (1 if posters else 0)


async def posted_before(bot_id: int, channel: discord.abc.Messageable, item: DownloadItem) -> int:
    """Count the files already posted in replies to this request (a retry after a crash).

    The store may lag Discord by one message if the bot died right after an upload;
    the channel itself says what was posted (a message has all its files or none), so
    nothing is posted twice and nothing skipped. The jobs of several links reply to the
    same request: each one's files carry its id (``label``), which tells them apart.
    The caption card's poster is no file of the job (``media_count``).
    """
    if item.message_id is None:
        return 0
    start = discord.Object(item.status_message_id or item.message_id)
    count = 0
    try:
        async for message in channel.history(limit=100, after=start):
            ref = message.reference
            replies = ref is not None and ref.message_id == item.message_id
            ours = not item.shared_status or label(item) in message.content
            mine = message.author.id == bot_id and ours
            count += media_count(message) if mine and replies else 0
    except discord.HTTPException:
        logger.bind(job_id=item.id).warning("could not read history; trusting the store")
        return item.delivered
    return count
