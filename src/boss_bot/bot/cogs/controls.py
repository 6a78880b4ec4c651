"""Reaction controls on status messages: ⏹️ cancel, 🔄 retry, ⏸️ pause, ▶️ resume, ℹ️.

⏹️ cancels a job, 🔄 runs a failed one again, ⏸️ holds it and ▶️ lets it go on.

A status message shared by the jobs of one command (several links): ⏹️ cancels (⏸️
pauses, ▶️ resumes) all of them the member may cancel.

Only the job's requester or a moderator (Manage Messages) is obeyed; other people's
reactions do nothing. 🔄 goes through the same admission as a command: the allow-lists,
and the job owner's download budget and waiting caps.
"""

import discord
from discord.ext import commands
from loguru import logger

from boss_bot.bot import render
from boss_bot.bot.client import BossBot
from boss_bot.bot.details import reply_details
from boss_bot.bot.emoji import INFO, PAUSE, RESUME, RETRY, STOP, same_emoji
from boss_bot.bot.replies import best_effort
from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs.access import Requester
from boss_bot.errors import UserFacingError


class Controls(commands.Cog):
    """⏹️, 🔄, ⏸️, ▶️ and ℹ️ (``details``) on the bot's status messages."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        """Cancel, retry, pause or resume the job whose status message got the reaction."""
        if self.bot.user is None or payload.user_id == self.bot.user.id:
            return
        logger.debug("reaction {} by {} on {}", payload.emoji, payload.user_id, payload.message_id)
        member = payload.member
        moderator = bool(member and member.guild_permissions.manage_messages)
        who = Requester(payload.user_id, payload.guild_id, moderator)
        if same_emoji(payload.emoji, STOP):
            await self._stop(payload.message_id, who)
        elif same_emoji(payload.emoji, INFO):  # anyone who sees the message
            await reply_details(self.bot, payload)
        elif same_emoji(payload.emoji, PAUSE) or same_emoji(payload.emoji, RESUME):
            await self._hold(payload.message_id, who, same_emoji(payload.emoji, PAUSE))
        elif same_emoji(payload.emoji, RETRY) and await self._may_use(payload):
            await self._retry(payload.message_id, who)

    async def _may_use(self, payload: discord.RawReactionActionEvent) -> bool:
        """🔄 starts a download: the allow-lists of every command apply (``bot.gate``)."""
        guild, user = None, discord.Object(payload.user_id)  # in DMs only the id counts
        if payload.guild_id:  # in servers the event carries the member, with their roles
            guild, user = self.bot.get_guild(payload.guild_id), payload.member
            if guild is None or user is None:
                return False
        channel = self.bot.get_channel(payload.channel_id) or discord.Object(payload.channel_id)
        reason = await self.bot.gate.refusal(user, channel, guild)
        if reason:
            logger.debug("🔄 by {} ignored: {}", payload.user_id, reason)
        return reason is None

    async def _stop(self, message_id: int, who: Requester) -> None:
        """Cancel the message's jobs ``who`` may cancel (several share one for several links).

        The waiting ones first: a running one cancelled first frees its worker, which
        would start the next of them only to have it cancelled a moment later.
        """
        view = self.bot.service.queue_view()
        for job in (*view.waiting, *view.running):
            if job.status_message_id == message_id:
                await self.bot.service.cancel(job.id, who)

    async def _hold(self, message_id: int, who: Requester, pause: bool) -> None:
        """Pause or resume the message's jobs ``who`` may cancel; a resumed job says so."""
        for job in self.bot.service.queue_view().jobs:
            if job.status_message_id != message_id:
                continue
            resumed = await self.bot.service.hold(job.id, who, pause)
            if resumed is not None and not pause:
                text = f"▶️ Job {render.job_ref(resumed)} resumed: it goes on when a worker is free."
                await best_effort(self.bot.sink.show(resumed, text))

    async def _retry(self, message_id: int, who: Requester) -> None:
        failed = self.bot.service.failed_job(message_id)
        if failed is None:
            return

        async def acknowledge(item: DownloadItem, position: int, wait: float) -> int:
            item = item.evolve(status_message_id=message_id)
            await self.bot.sink.show(item, render.acknowledgement(item, position, wait))
            return message_id

        try:  # the service checks ``who`` and runs one failure once, however many 🔄
            item = await self.bot.service.retry(message_id, who, acknowledge)
        except UserFacingError as exc:  # queue full, over a limit, disk low: 🔄 stays usable
            await best_effort(self.bot.sink.show(failed, f"⚠️ {exc}"))
            return
        except discord.HTTPException:  # the status edit failed: nothing was queued
            logger.opt(exception=True).warning("could not retry job {}", failed.id)
            return
        if item is not None:
            logger.bind(job_id=item.id).info("retrying failed job {} on request", failed.id)


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Controls(bot))
