"""Asking for a download: the checks every entry point shares, then the service's ``submit``.

Used by ``$dlt``/``$dlr``/``$dl`` (and their slash forms) and by the "Download media"
message command; the reply's ⏹️ lets the member cancel.
"""

from typing import Literal

import discord
from discord.ext import commands

from boss_bot.bot import render
from boss_bot.bot.client import BossBot
from boss_bot.bot.emoji import STOP
from boss_bot.bot.permissions import may_use_high, missing_permissions
from boss_bot.bot.replies import answer, best_effort
from boss_bot.core.items import DownloadItem, DownloadPriority
from boss_bot.core.jobs.admission import JobRequest
from boss_bot.core.urls import Platform
from boss_bot.errors import UserFacingError

Priority = Literal["low", "normal", "high"]


async def request_download(
    ctx: commands.Context[BossBot],
    url: str,
    priority: Priority = "normal",
    allowed: frozenset[Platform] | None = None,
    reply_to: int | None = None,
) -> None:
    """Validate, queue and acknowledge one download; raises ``UserFacingError`` on bad input.

    The files reply to ``reply_to``, else to the command's message, else (a slash
    command has none) to the status message.
    """
    service = ctx.bot.service
    await ctx.defer()  # a slash command must be answered within 3 s; a no-op for $
    if priority == "high" and not may_use_high(ctx, ctx.bot.settings.high_priority_role_ids):
        raise UserFacingError(
            "`high` priority is for moderators and members with the priority role. "
            "Leave it out to queue at normal priority."
        )
    if missing := missing_permissions(ctx):
        raise UserFacingError(
            f"I can't post files in this channel: I need {', '.join(missing)} here. "
            "Ask a moderator, or use a channel where I can."
        )
    checked = await service.validate(url, allowed)
    reply_to = reply_to or (None if ctx.interaction else ctx.message.id)
    guild_id = ctx.guild.id if ctx.guild else None
    level = DownloadPriority[priority.upper()]
    request = JobRequest(checked, ctx.author.id, ctx.channel.id, guild_id, reply_to, level)
    sent: list[discord.Message] = []

    async def acknowledge(item: DownloadItem, position: int, wait: float) -> int:
        sent.append(await answer(ctx, render.acknowledgement(item, position, wait)))
        return sent[0].id

    await service.submit(request, acknowledge)
    await best_effort(sent[0].add_reaction(STOP))
