"""The Discord side of a job: status edits and file uploads (implements ``JobSink``)."""

from collections.abc import Callable, Sequence
from pathlib import Path

import discord
from discord.ext import commands
from loguru import logger

from boss_bot.bot import render
from boss_bot.bot.progress import ProgressBoard
from boss_bot.bot.replies import NO_MENTIONS, clip
from boss_bot.core.batching import batches
from boss_bot.core.items import DownloadItem, DownloadResult, ProgressEvent
from boss_bot.errors import DownloadFailedError, FailureKind

TOO_LARGE = 413


class DiscordSink:
    """Shows a job's progress in its status message and posts its files as replies."""

    def __init__(self, bot: commands.Bot, progress_interval: float = 5.0) -> None:
        self.bot = bot
        self.board = ProgressBoard(self._show_progress, progress_interval)

    def _channel(self, item: DownloadItem) -> discord.abc.Messageable:
        """The cached channel, or a partial one (after a restart, before the cache fills)."""
        channel = self.bot.get_channel(item.channel_id)
        if isinstance(channel, discord.abc.Messageable):
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
        message = self._channel(item).get_partial_message(item.status_message_id)  # type: ignore[attr-defined]
        await message.edit(content=clip(text), allowed_mentions=NO_MENTIONS)

    async def _show_progress(self, item: DownloadItem, event: ProgressEvent) -> None:
        await self._edit(item, render.progress(item, event))

    async def update(self, item: DownloadItem, result: DownloadResult | None = None) -> None:
        """Edit the job's status message to show its new phase or final state."""
        await self.board.forget(item.id)
        if item.status_message_id is not None:
            await self._edit(item, render.status(item, result))

    async def _send(self, channel: discord.abc.Messageable, group: Sequence[Path],
                    reference: discord.MessageReference | None) -> None:  # fmt: skip
        files = [discord.File(path, filename=path.name) for path in group]
        try:
            await channel.send(files=files, reference=reference, allowed_mentions=NO_MENTIONS)
        except discord.Forbidden as exc:
            raise DownloadFailedError(FailureKind.NO_PERMISSION, str(exc)) from None
        except discord.HTTPException as exc:
            if exc.status != TOO_LARGE:
                raise
            if len(group) == 1:
                raise DownloadFailedError(FailureKind.UPLOAD_REJECTED, str(exc)) from None
            logger.info("Discord answered 413 for {} files; sending them one by one", len(group))
            for path in group:
                await self._send(channel, [path], reference)
        finally:
            for file in files:
                file.close()

    async def _posted_before(self, channel: discord.abc.Messageable, item: DownloadItem) -> int:
        """Count file messages already replying to this request (a retry after a crash).

        The store may lag Discord by one message if the bot died right after an upload;
        the channel itself says what was posted, so nothing is posted twice.
        """
        if item.message_id is None or self.bot.user is None:
            return 0
        start = discord.Object(item.status_message_id or item.message_id)
        count = 0
        try:
            async for message in channel.history(limit=100, after=start):
                ref = message.reference
                replies = ref is not None and ref.message_id == item.message_id
                mine = message.author.id == self.bot.user.id
                count += bool(mine and replies and message.attachments)
        except discord.HTTPException:
            logger.bind(job_id=item.id).warning("could not read history; trusting the store")
            return item.delivered
        return count

    async def deliver(
        self, item: DownloadItem, result: DownloadResult, posted: Callable[[int], None]
    ) -> None:
        """Reply to the request with the files, ten (and one limit's worth) a message.

        Messages already posted before a restart (``item.delivered``) are skipped. If
        Discord answers 413, the message is split into one file per message.
        """
        channel = self._channel(item)
        reference = None
        if item.message_id is not None:
            request = channel.get_partial_message(item.message_id)  # type: ignore[attr-defined]
            reference = request.to_reference(fail_if_not_exists=False)
        groups = batches(result.files, result.limit)
        done = await self._posted_before(channel, item) if item.attempts > 1 else item.delivered
        for number, group in enumerate(groups[done:], start=done + 1):
            await self._send(channel, group, reference)
            posted(number)
            logger.bind(job_id=item.id).debug("posted message {}/{}", number, len(groups))
