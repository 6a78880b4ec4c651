"""Whom a search answer may show what: never an item from a channel its readers can't see.

A member sees only items posted in channels they can view. An answer posted in a channel
(``$find``) is read by everyone there, so it shows only items from that channel or from
channels every member can view; a slash command's answer is ephemeral (only the asker
sees it), so it shows every channel the asker can view. A private thread's items show
only in that thread: who may read it is its member list, which the bot does not keep.
In direct messages the owner (``owner_of``) already limits the items to the asker's own.
"""

import discord
from discord.ext import commands

from boss_bot.core.search.entries import Hit, owner_of
from boss_bot.core.search.searching import Visible


def owner(ctx: commands.Context[commands.Bot]) -> str:
    """Whose items this command searches: the server's, or the asker's own DM downloads."""
    return owner_of(ctx.guild.id if ctx.guild else None, ctx.author.id)


def private(ctx: commands.Context[commands.Bot]) -> bool:
    """Whether the answer is seen by the asker alone (a slash command, or a DM)."""
    return ctx.interaction is not None or ctx.guild is None


def _readable(channel: object, who: discord.Member | discord.Role) -> bool:
    """Whether ``who`` may read ``channel`` (a channel or thread of the server)."""
    if not isinstance(channel, discord.abc.GuildChannel | discord.Thread):
        return False
    try:
        return channel.permissions_for(who).read_messages
    except discord.ClientException:  # a thread whose parent is not cached
        return False


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
        if channel is None or not _readable(channel, member):
            return False
        if channel.id == here:
            return True
        if isinstance(channel, discord.Thread) and channel.is_private():
            return False
        return alone or _readable(channel, guild.default_role)

    return visible
