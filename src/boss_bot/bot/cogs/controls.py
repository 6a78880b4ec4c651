"""Reaction controls on status messages: ⏹️ cancels a job, 🔄 runs a failed one again.

Only the job's requester or a moderator (Manage Messages) is obeyed; other people's
reactions do nothing.
"""

import discord
from discord.ext import commands
from loguru import logger

from boss_bot.bot import render
from boss_bot.bot.client import BossBot
from boss_bot.bot.delivery import RETRY, STOP, same_emoji
from boss_bot.core.access import Requester
from boss_bot.core.urls import check_url
from boss_bot.errors import UserFacingError


class Controls(commands.Cog):
    """⏹️ and 🔄 on the bot's status messages."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        """Cancel or retry the job whose status message got the reaction."""
        if self.bot.user is None or payload.user_id == self.bot.user.id:
            return
        logger.debug("reaction {} by {} on {}", payload.emoji, payload.user_id, payload.message_id)
        member = payload.member
        moderator = bool(member and member.guild_permissions.manage_messages)
        who = Requester(payload.user_id, payload.guild_id, moderator)
        if same_emoji(payload.emoji, STOP):
            await self._stop(payload.message_id, who)
        elif same_emoji(payload.emoji, RETRY):
            await self._retry(payload.message_id, who)

    async def _stop(self, message_id: int, who: Requester) -> None:
        queue = self.bot.service.queue
        job = next((i for i in queue.running() + queue.waiting()
                    if i.status_message_id == message_id), None)  # fmt: skip
        if job is not None:
            await self.bot.service.cancel(job.id, who)

    async def _retry(self, message_id: int, who: Requester) -> None:
        failed = self.bot.sink.failed.get(message_id)
        if failed is None or not who.may_cancel(failed):
            return
        service = self.bot.service
        del self.bot.sink.failed[message_id]  # one retry per failure, however many 🔄
        try:
            item = service.admit(
                check_url(failed.url), user_id=failed.user_id, channel_id=failed.channel_id,
                guild_id=failed.guild_id, message_id=failed.message_id, priority=failed.priority,
            )  # fmt: skip
        except UserFacingError as exc:  # queue full, quota used, disk low: 🔄 stays usable
            self.bot.sink.failed[message_id] = failed
            await self.bot.sink.show(failed, f"⚠️ {exc}")
            return
        item = item.evolve(status_message_id=message_id)
        position = service.position_hint()
        await self.bot.sink.show(
            item, render.acknowledgement(item, position, service.estimate_wait(position))
        )
        await service.enqueue(item)
        logger.bind(job_id=item.id).info("retrying failed job {} on request", failed.id)


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Controls(bot))
