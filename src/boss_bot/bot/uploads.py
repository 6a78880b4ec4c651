"""Posting files to Discord: splitting on 413, and counting what a crash already posted."""

from collections.abc import Callable, Sequence
from pathlib import Path

import discord
from loguru import logger

from boss_bot.bot.posted import label, posted_before
from boss_bot.bot.replies import unbroken
from boss_bot.bot.telling.wants import mentioning
from boss_bot.core.batching import batches
from boss_bot.core.items import DownloadItem, DownloadResult
from boss_bot.core.media.names import shown_name
from boss_bot.core.tasks import BackgroundTasks
from boss_bot.errors import DownloadFailedError, FailureKind

TOO_LARGE = 413
# Channels whose messages can be fetched by id (discord.py's own ``PartialMessageableChannel``).
Channel = (
    discord.TextChannel
    | discord.VoiceChannel
    | discord.StageChannel
    | discord.Thread
    | discord.DMChannel
    | discord.PartialMessageable
)


async def send_group(
    channel: discord.abc.Messageable,
    group: Sequence[Path],
    reference: discord.MessageReference | None,
    sent: Callable[[int, int], None],
    content: str | None = None,
    *,
    ping: int | None = None,
) -> None:
    """Post ``group`` as one reply (with ``content``); on 413 post its files one per message.

    ``sent`` is called with the number of files and the message's id after each
    message that was posted, so a crash between split messages loses no count.
    ``ping`` is a user to mention (only that user may be pinged); split, only the last
    message mentions them.

    Raises:
        DownloadFailedError: No permission to attach files, or a single file refused.
    """
    files = [discord.File(path, filename=shown_name(path.name)) for path in group]
    text = " ".join(filter(None, (f"<@{ping}>" if ping else None, content))) or None
    allowed = mentioning(ping)
    try:
        if reference is None:  # discord.py's overloads take no explicit None
            message = await channel.send(
                content=text or None, files=files, allowed_mentions=allowed
            )
        else:
            message = await channel.send(
                content=text or None, files=files, reference=reference, allowed_mentions=allowed
            )
        sent(len(group), message.id)
    except discord.Forbidden as exc:
        raise DownloadFailedError(FailureKind.NO_PERMISSION, str(exc)) from None
    except discord.HTTPException as exc:
        if exc.status != TOO_LARGE:
            raise
        if len(group) == 1:
            raise DownloadFailedError(FailureKind.UPLOAD_REJECTED, str(exc)) from None
        logger.info("Discord answered 413 for {} files; sending them one by one", len(group))
        for n, path in enumerate(group, 1):
            last = ping if n == len(group) else None
            await send_group(channel, [path], reference, sent, content, ping=last)
    finally:
        for file in files:
            file.close()


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
    The last message mentions ``ping`` (the requester), once the job's files are there.
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

    groups = batches(result.files[done:], result.limit)
    for n, group in enumerate(groups, 1):
        last = ping if n == len(groups) else None
        call = send_group(channel, group, reference, sent, label(item) or None, ping=last)
        await unbroken(call, keeper)
