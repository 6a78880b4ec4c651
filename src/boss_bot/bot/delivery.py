"""The Discord side of a job: status edits and file uploads (implements ``JobSink``)."""

from collections.abc import Callable

import discord
from discord.ext import commands
from loguru import logger

from boss_bot.bot import render
from boss_bot.core.batching import batches
from boss_bot.core.items import DownloadItem, DownloadResult, ProgressEvent

NO_MENTIONS = discord.AllowedMentions.none()


class DiscordSink:
    """Shows a job's progress in its status message and posts its files as replies."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

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
        """Progress is shown only as a phase for now."""

    async def update(self, item: DownloadItem, result: DownloadResult | None = None) -> None:
        """Edit the job's status message to show its state."""
        if item.status_message_id is None:
            return
        message = self._channel(item).get_partial_message(item.status_message_id)
        await message.edit(content=render.status(item, result), allowed_mentions=NO_MENTIONS)

    async def deliver(
        self, item: DownloadItem, result: DownloadResult, posted: Callable[[int], None]
    ) -> None:
        """Reply to the request with the files, ten (and one limit's worth) a message.

        Messages already posted before a restart (``item.delivered``) are skipped.
        """
        channel = self._channel(item)
        reference = None
        if item.message_id is not None:
            request = channel.get_partial_message(item.message_id)
            reference = request.to_reference(fail_if_not_exists=False)
        groups = batches(result.files, result.limit)
        for number, group in enumerate(groups[item.delivered :], start=item.delivered + 1):
            files = [discord.File(path, filename=path.name) for path in group]
            try:
                await channel.send(files=files, reference=reference, allowed_mentions=NO_MENTIONS)
            finally:
                for file in files:
                    file.close()
            posted(number)
            logger.bind(job_id=item.id).debug("posted message {}/{}", number, len(groups))
