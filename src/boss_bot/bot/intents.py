"""The gateway intents the bot asks for."""

import discord


def default_intents() -> discord.Intents:
    """Guilds, messages (with content, a privileged intent) and reactions; no members."""
    wanted = discord.Intents.none()
    wanted.guilds = wanted.guild_messages = wanted.dm_messages = True
    wanted.message_content = True
    wanted.guild_reactions = wanted.dm_reactions = True
    return wanted
