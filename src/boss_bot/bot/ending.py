"""What a status message becomes when a job ends: its reactions, and its member told.

⏹️ and ⏸️ go once nothing is left to stop (a shared message: once all its jobs have ended),
a failed job gets 🔄, and the member is told (``telling.Teller``): when a single job
ends, or when the last job of a shared message does.
"""

import discord

from boss_bot.bot.emoji import CONTROLS, RETRY
from boss_bot.bot.replies import best_effort, unbroken
from boss_bot.bot.shared_status import SharedStatus
from boss_bot.bot.telling import Teller
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus


async def finish(
    bot: discord.Client,
    status: discord.PartialMessage,
    item: DownloadItem,
    result: DownloadResult | None,
    *,
    shared: SharedStatus,
    teller: Teller,
) -> None:
    """``item`` ended and its ``status`` message shows it: update reactions, tell the member."""
    lines = shared.text(status.id) if item.shared_status else None  # before ``settle``
    alone = not item.shared_status or shared.settle(status.id)
    if alone and (me := bot.user) is not None:  # always, once logged in
        for emoji in CONTROLS:  # ⏹️ and ⏸️
            await best_effort(unbroken(status.remove_reaction(emoji, me), teller.keeper))
    if item.status is DownloadStatus.FAILED:
        await best_effort(unbroken(status.add_reaction(RETRY), teller.keeper))
    if alone:
        await teller.ended(bot, status, item, result, lines)
