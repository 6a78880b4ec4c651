"""Telling a member that their job ended: a mention where it ends, and a DM if they want one.

A single job's files reply mentions the requester (``ping``); a failed job has no
files, so a short reply to its status message mentions them (an edit never notifies
anyone). The jobs of several links share one status message: none of their files
mentions anyone; one reply to that message mentions the member once the last job has
ended, with how many are done and failed, so five links ping once, not five times. A
cancelled job pings nobody (a person stopped it). In direct messages nobody is
mentioned or sent a DM: every message there already notifies.
"""

from collections.abc import Coroutine
from typing import Any

import discord
from loguru import logger

from boss_bot.bot.replies import NO_MENTIONS, unbroken
from boss_bot.bot.telling import texts
from boss_bot.bot.telling.wants import Told, Wants, mentioning
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.tasks import BackgroundTasks


class Teller:
    """Mentions and DMs members as they want (``wants``) when their jobs end.

    Args:
        wants: How a member wants to be told, per server.
        keeper: Holds Discord requests that must finish even if the job is cancelled.
    """

    def __init__(self, wants: Wants, keeper: BackgroundTasks) -> None:
        self.wants, self.keeper = wants, keeper

    async def told(self, item: DownloadItem) -> Told:
        """How ``item``'s requester wants to be told; nothing in DMs; defaults if unknown."""
        if item.guild_id is None:
            return Told(mention=False, dm=False)
        try:
            return await self.wants(item.guild_id, item.user_id)
        except Exception:
            logger.bind(job_id=item.id).exception("could not read notification preferences")
            return Told()

    async def ping(self, item: DownloadItem) -> int | None:
        """Whom the job's files mention: its requester, unless unwanted or several links."""
        if item.shared_status or not (await self.told(item)).mention:
            return None
        return item.user_id

    async def ended(
        self,
        bot: discord.Client,
        status: discord.PartialMessage,
        item: DownloadItem,
        result: DownloadResult | None,
        lines: str | None = None,
    ) -> None:
        """``item`` was the last job of ``status`` to end: mention and DM as wanted.

        ``lines`` is a shared status message's text (several links), None for one job.
        """
        news = texts.ended(item, result, lines)
        if news is None:
            return
        told = await self.told(item)
        pinging = lines is not None or item.status is DownloadStatus.FAILED  # else: the files
        if told.mention and pinging:
            text = f"{texts.mention(item.user_id)} {news}"
            reference = status.to_reference(fail_if_not_exists=False)
            call = status.channel.send(
                text, reference=reference, allowed_mentions=mentioning(item.user_id)
            )
            await self._try(item, call)
        if told.dm:
            link = texts.jump(item, status.id)
            await self._try(
                item, self._dm(bot, item, texts.ended(item, result, lines, link) or news)
            )

    async def _try(self, item: DownloadItem, call: Coroutine[Any, Any, object]) -> None:
        """Send, whatever happens to the job; a failure is logged (the job has ended)."""
        try:
            await unbroken(call, self.keeper)
        except discord.HTTPException:
            logger.bind(job_id=item.id).opt(exception=True).warning("could not tell the requester")

    async def _dm(self, bot: discord.Client, item: DownloadItem, text: str) -> None:
        try:
            user = bot.get_user(item.user_id) or await bot.fetch_user(item.user_id)
            await user.send(text, allowed_mentions=NO_MENTIONS)
        except discord.Forbidden:
            logger.bind(job_id=item.id).info("the requester's DMs are closed; not sending one")
