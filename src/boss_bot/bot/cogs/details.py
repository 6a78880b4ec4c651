"""ℹ️ on a status message: a short reply with the jobs' details, deleted after a minute.

Anyone who can see the message may ask. The reply names the requester without pinging
them (no mentions at all). A reaction cannot get an ephemeral answer, so for slash and
menu commands too the reply is public and deletes itself (``delete_after``).
"""

import discord
from discord.ext import commands

from boss_bot.bot.client import BossBot
from boss_bot.bot.details_text import DELETE_AFTER, details
from boss_bot.bot.emoji import INFO, same_emoji
from boss_bot.bot.replies import NO_MENTIONS, best_effort, clip


class Details(commands.Cog):
    """ℹ️ on the bot's status messages."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        """Answer ℹ️ on a status message with its jobs' details."""
        if self.bot.user is None or payload.user_id == self.bot.user.id:
            return
        if not same_emoji(payload.emoji, INFO):
            return
        jobs = self.bot.service.details(payload.message_id)
        if not jobs:
            return
        channel = self.bot.get_channel(payload.channel_id)
        if not isinstance(channel, discord.abc.Messageable):  # not cached (a DM)
            channel = self.bot.get_partial_messageable(payload.channel_id)
        status = discord.MessageReference(
            message_id=payload.message_id, channel_id=payload.channel_id, fail_if_not_exists=False
        )
        reply = channel.send(
            clip(details(jobs)),
            reference=status,
            allowed_mentions=NO_MENTIONS,
            delete_after=DELETE_AFTER,
        )
        await best_effort(reply)


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Details(bot))
