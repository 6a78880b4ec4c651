"""Who may use the bot where: channel and role allow-lists, and the download rate.

Both lists are optional (``ALLOWED_CHANNEL_IDS``, ``ALLOWED_ROLE_IDS``; empty means
everywhere and everyone). Moderators (Manage Messages) are never locked out, and
direct messages are not subject to the channel list. ``DOWNLOADS_PER_MINUTE`` (seed
001: 5) limits each member's download commands; 0 turns the limit off.
"""

import discord
from discord.ext import commands

from boss_bot.bot.client import BossBot
from boss_bot.bot.members import NotAllowed


def download_rate(ctx: commands.Context) -> commands.Cooldown | None:
    """The per-member cooldown of the download commands, from the settings."""
    per_minute = ctx.bot.settings.downloads_per_minute
    return commands.Cooldown(per_minute, 60.0) if per_minute else None


class Access(commands.Cog):
    """A global check on every command."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    async def bot_check(self, ctx: commands.Context) -> bool:
        """Refuse commands outside the allowed channels, or from members without a role."""
        settings, author = self.bot.settings, ctx.author
        if ctx.guild is None or not isinstance(author, discord.Member):
            return True
        if author.guild_permissions.manage_messages:
            return True
        channels = settings.allowed_channel_ids
        here = {ctx.channel.id, getattr(ctx.channel, "parent_id", None)}  # a thread's parent
        if channels and not here & set(channels):
            where = ", ".join(f"<#{c}>" for c in channels[:5])
            raise NotAllowed(f"I only take commands in {where}.")
        roles = settings.allowed_role_ids
        if roles and not any(role.id in roles for role in author.roles):
            raise NotAllowed("Using me needs a role this server's moderators chose.")
        return True


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Access(bot))
