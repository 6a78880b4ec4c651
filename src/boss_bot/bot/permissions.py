"""Who is asking, and what they may do: moderators, priority roles."""

from collections.abc import Collection

import discord
from discord.ext import commands

from boss_bot.bot.replies import AnyContext
from boss_bot.core.jobs.access import Requester


def may_use_high(ctx: AnyContext, role_ids: Collection[int]) -> bool:
    """Moderators (manage_messages) and holders of a configured role may use ``high``.

    ``role_ids``: the server's ``high_priority_roles`` (``$settings``).
    """
    author = ctx.author
    if not isinstance(author, discord.Member):
        return False
    if author.guild_permissions.manage_messages:
        return True
    return any(role.id in role_ids for role in author.roles)


def requester(ctx: AnyContext) -> Requester:
    """Who is asking; members with manage_messages moderate their guild's jobs."""
    moderator = isinstance(ctx.author, discord.Member) and (
        ctx.author.guild_permissions.manage_messages
    )
    return Requester(ctx.author.id, ctx.guild.id if ctx.guild else None, moderator)


class NotAllowed(commands.CheckFailure):
    """A check refused the command; the message says why and is safe to show."""


NEEDED = ("view_channel", "send_messages", "attach_files", "read_message_history")


def missing_permissions(ctx: AnyContext) -> list[str]:
    """What the bot lacks in this channel to post a job's files.

    A slash command may come from a channel the bot cannot even see; its answers go
    through the interaction, but the files go through the channel, so the interaction's
    raw ``app_permissions`` count (``ctx.bot_permissions`` assumes files are allowed).
    """
    have = ctx.interaction.app_permissions if ctx.interaction else ctx.bot_permissions
    return [name.replace("_", " ").title() for name in NEEDED if not getattr(have, name)]
