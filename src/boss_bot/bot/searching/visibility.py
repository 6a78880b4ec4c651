"""Whom a search answer may show what: never an item from a channel its readers can't see.

A member sees only items posted in channels they can view. An answer posted in a channel
(``$find``) is read by everyone there, so it shows only items from that channel or from
channels every member can view; a slash command's answer is ephemeral (only the asker
sees it), so it shows every channel the asker can view. In direct messages the owner
(``owner_of``) already limits the items to the asker's own.
"""

import discord
from discord.ext import commands

from boss_bot.core.search.entries import Hit, owner_of
from boss_bot.core.search.searching import Visible


def owner(ctx: commands.Context[commands.Bot]) -> str:
    """Whose items this command searches: the server's, or the asker's own DM downloads."""
    return owner_of(ctx.guild.id if ctx.guild else None, ctx.author.id)


def private(ctx: commands.Context[commands.Bot]) -> bool:
    """Whether the answer is seen by the asker alone (a slash command in a server)."""
    return ctx.interaction is not None or ctx.guild is None


def visible_for(ctx: commands.Context[commands.Bot]) -> Visible:
    """Which hits this command's answer may show (see the module's docstring)."""
    guild, member = ctx.guild, ctx.author
    if guild is None:
        return lambda _hit: True
    if not isinstance(member, discord.Member):
        return lambda _hit: False
    here, alone = ctx.channel.id, private(ctx)

    def visible(hit: Hit) -> bool:
        channel = guild.get_channel_or_thread(hit.entry.channel_id)
        if channel is None or not channel.permissions_for(member).read_messages:
            return False
        return (
            alone or channel.id == here or channel.permissions_for(guild.default_role).read_messages
        )

    return visible
