"""Posting a job's files to Discord, the card first, counting what a crash already posted."""

from collections.abc import Callable
from functools import partial

import discord
from loguru import logger

from boss_bot.bot.cards import card_post, grouped
from boss_bot.bot.nonces import upload_nonce
from boss_bot.bot.posted import label, posted_before
from boss_bot.bot.replies import unbroken
from boss_bot.bot.sending import send_group
from boss_bot.core.items import DownloadItem, DownloadResult
from boss_bot.core.tasks import BackgroundTasks

# Channels whose messages can be fetched by id (discord.py's own ``PartialMessageableChannel``).
Channel = (
    discord.TextChannel
    | discord.VoiceChannel
    | discord.StageChannel
    | discord.Thread
    | discord.DMChannel
    | discord.PartialMessageable
)


async def post_files(
    channel: Channel,
    bot_id: int | None,
    item: DownloadItem,
    result: DownloadResult,
    posted: Callable[[int, int], None],
    *,
    keeper: BackgroundTasks,
    ping: int | None = None,
) -> None:
    """Reply to the request with the files, ten (and one limit's worth) a message.

    Files already posted before a restart are skipped: ``item.delivered``, or on a
    retry the attachments the channel shows. Files, not messages, are counted: a
    413 splits a message into one file per message, so messages are no fixed unit.
    The last message mentions ``ping`` (the requester), once the job's files are there;
    the first carries the caption card (``bot.cards``), unless a restart posted it already.
    Each message has a nonce (``bot.nonces``): sent again, Discord returns the first.
    """
    reference = None
    if item.message_id is not None:
        request = channel.get_partial_message(item.message_id)
        reference = request.to_reference(fail_if_not_exists=False)
    done = item.delivered
    if item.attempts > 1 and bot_id is not None:  # a retry: ask the channel
        done = await posted_before(bot_id, channel, item)
    log = logger.bind(job_id=item.id)

    def sent(count: int, message_id: int) -> None:
        nonlocal done
        done += count
        posted(done, message_id)
        log.debug("posted {}/{} file(s)", done, len(result.files))

    card = card_post(result.card, item.url) if done == 0 else None
    groups, card = grouped(list(result.files[done:]), result.limit, card)
    start = done
    for n, group in enumerate(groups, 1):
        last, first = ping if n == len(groups) else None, card if n == 1 else None
        call = send_group(
            channel,
            group,
            reference,
            sent,
            label(item),
            nonce=partial(upload_nonce, item),
            first=start,
            ping=last,
            card=first,
        )
        await unbroken(call, keeper)
        start += len(group)
