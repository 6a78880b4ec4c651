"""Each server's command prefix (``$settings set prefix``); a mention of the bot always works.

Read on every message from the settings store's memory, so a change applies at once;
direct messages use the operator's ``COMMAND_PREFIX``.
"""

from collections.abc import Callable

import discord
from discord.ext import commands

from boss_bot.core.server_settings import SettingsStore

Prefixes = Callable[[commands.Bot, discord.Message], list[str]]


def server_prefix(servers: SettingsStore) -> Prefixes:
    """discord.py's ``command_prefix``: the message's server's prefix, or a mention of the bot."""

    def prefixes(bot: commands.Bot, message: discord.Message) -> list[str]:
        guild = message.guild.id if message.guild else None
        return commands.when_mentioned_or(servers.server(guild).prefix)(bot, message)

    return prefixes
