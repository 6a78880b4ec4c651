"""Where a job's messages go: its channel (cached or partial), and that server's upload limit."""

import discord

from boss_bot.bot.uploads import Channel
from boss_bot.core.items import DownloadItem


def channel_of(bot: discord.Client, item: DownloadItem) -> Channel:
    """The cached channel, or a partial one (after a restart, before the cache fills)."""
    channel = bot.get_channel(item.channel_id)
    if isinstance(channel, Channel):
        return channel
    return bot.get_partial_messageable(item.channel_id, guild_id=item.guild_id)


def upload_limit_of(bot: discord.Client, item: DownloadItem) -> int:
    """The guild's real upload limit (boost tier); Discord's default in DMs."""
    guild = bot.get_guild(item.guild_id) if item.guild_id else None
    return guild.filesize_limit if guild else discord.utils.DEFAULT_FILE_SIZE_LIMIT_BYTES
