"""The Discord side of a job: status edits and file uploads (implements ``JobSink``)."""

from collections import OrderedDict
from collections.abc import Callable

import discord
from discord.ext import commands
from loguru import logger

from boss_bot.bot import render
from boss_bot.bot.progress import ProgressBoard
from boss_bot.bot.replies import NO_MENTIONS, best_effort, clip, unbroken
from boss_bot.bot.uploads import Channel, posted_before, send_group
from boss_bot.core.batching import batches
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus, ProgressEvent
from boss_bot.errors import DownloadFailedError

STOP, RETRY = "⏹️", "🔄"
REMEMBERED_FAILURES = 500


def same_emoji(emoji: discord.PartialEmoji | str, wanted: str) -> bool:
    """Compare emoji ignoring the variation selector (clients send both forms)."""
    return str(emoji).replace("\ufe0f", "") == wanted.replace("\ufe0f", "")


class DiscordSink:
    """Shows a job's progress in its status message and posts its files as replies."""

    def __init__(self, bot: commands.Bot, progress_interval: float = 5.0) -> None:
        self.bot = bot
        self.board = ProgressBoard(self._show_progress, progress_interval)
        self.failed: OrderedDict[int, DownloadItem] = OrderedDict()  # by status message

    def _channel(self, item: DownloadItem) -> Channel:
        """The cached channel, or a partial one (after a restart, before the cache fills)."""
        channel = self.bot.get_channel(item.channel_id)
        if isinstance(channel, Channel):
            return channel
        return self.bot.get_partial_messageable(item.channel_id, guild_id=item.guild_id)

    async def upload_limit(self, item: DownloadItem) -> int:
        """The guild's real upload limit (boost tier); Discord's default in DMs."""
        guild = self.bot.get_guild(item.guild_id) if item.guild_id else None
        return guild.filesize_limit if guild else discord.utils.DEFAULT_FILE_SIZE_LIMIT_BYTES

    def progress(self, item: DownloadItem, event: ProgressEvent) -> None:
        """Hand a progress report to the board, which throttles the edits."""
        if item.status_message_id is not None:
            self.board.report(item, event)

    async def _edit(self, item: DownloadItem, text: str) -> None:
        if item.status_message_id is None:
            return
        message = self._channel(item).get_partial_message(item.status_message_id)
        await unbroken(message.edit(content=clip(text), allowed_mentions=NO_MENTIONS))

    async def _show_progress(self, item: DownloadItem, event: ProgressEvent) -> None:
        await self._edit(item, render.progress(item, event))

    async def show(self, item: DownloadItem, text: str) -> None:
        """Replace the job's status message text (no-op without one)."""
        if item.status_message_id is not None:
            await self._edit(item, text)

    async def update(self, item: DownloadItem, result: DownloadResult | None = None) -> None:
        """Edit the job's status message to show its new phase or final state.

        A finished job loses its ⏹️; a failed one gets 🔄, which runs it again.
        """
        await self.board.forget(item.id)
        await self.show(item, render.status(item, result))
        if item.status.finished and item.status_message_id is not None:
            message = self._channel(item).get_partial_message(item.status_message_id)
            if self.bot.user is not None:  # always, once logged in
                await best_effort(unbroken(message.remove_reaction(STOP, self.bot.user)))
            if item.status is DownloadStatus.FAILED:
                self.failed[item.status_message_id] = item
                while len(self.failed) > REMEMBERED_FAILURES:
                    self.failed.popitem(last=False)
                await best_effort(unbroken(message.add_reaction(RETRY)))

    async def retrying(
        self, item: DownloadItem, failure: DownloadFailedError, tried: int, tries: int,
        delay: float,
    ) -> None:  # fmt: skip
        """Say that a try failed and when the next one starts."""
        await self.board.forget(item.id)
        await self.show(item, render.retrying(item, failure, tried, tries, delay))

    async def deliver(
        self, item: DownloadItem, result: DownloadResult, posted: Callable[[int], None]
    ) -> None:
        """Reply to the request with the files, ten (and one limit's worth) a message.

        Files already posted before a restart are skipped: ``item.delivered``, or on a
        retry the attachments the channel shows. Files, not messages, are counted: a
        413 splits a message into one file per message, so messages are no fixed unit.
        """
        channel = self._channel(item)
        reference = None
        if item.message_id is not None:
            request = channel.get_partial_message(item.message_id)
            reference = request.to_reference(fail_if_not_exists=False)
        done = item.delivered
        if item.attempts > 1 and self.bot.user is not None:  # a retry: ask the channel
            done = await posted_before(self.bot.user.id, channel, item)
        log = logger.bind(job_id=item.id)

        def sent(count: int) -> None:
            nonlocal done
            done += count
            posted(done)
            log.debug("posted {}/{} file(s)", done, len(result.files))

        for group in batches(result.files[done:], result.limit):
            await unbroken(send_group(channel, group, reference, sent))
