"""Who is asking, and what they may do: moderators, priority roles."""

import discord
from discord.ext import commands

from boss_bot.core.access import Requester


def may_use_high(ctx: commands.Context, role_ids: list[int]) -> bool:
    """Moderators (manage_messages) and holders of a configured role may use ``high``."""
    author = ctx.author
    if not isinstance(author, discord.Member):
        return False
    if author.guild_permissions.manage_messages:
        return True
    return any(role.id in role_ids for role in author.roles)


def requester(ctx: commands.Context) -> Requester:
    """Who is asking; members with manage_messages moderate their guild's jobs."""
    moderator = isinstance(ctx.author, discord.Member) and (
        ctx.author.guild_permissions.manage_messages
    )
    return Requester(ctx.author.id, ctx.guild.id if ctx.guild else None, moderator)
