"""``$health``: is the bot well?"""

import asyncio
import math
import time

from discord.ext import commands
from loguru import logger

from boss_bot import __version__
from boss_bot.bot.client import BossBot
from boss_bot.bot.health_lines import downloader_lines, rate_line
from boss_bot.bot.permissions import requester
from boss_bot.bot.replies import answer
from boss_bot.bot.sharding import shard_lines
from boss_bot.core.fmt import duration
from boss_bot.core.jobs.views import HealthView
from boss_bot.core.versions import installed_versions, library_versions
from boss_bot.errors import UserFacingError


def _store_warnings(health: HealthView) -> list[str]:
    """What start-up found wrong with the saved queue, for the owner."""
    lines = []
    if health.damaged_copy is not None:
        lines.append(
            f"⚠️ The queue database was damaged and moved aside to `{health.damaged_copy}` "
            "at start-up; the jobs in it were not resumed (see the log)."
        )
    if health.skipped_jobs:
        lines.append(
            f"⚠️ {health.skipped_jobs} saved job(s) could not be read and were skipped at "
            "start-up (see the log)."
        )
    return lines


class Admin(commands.Cog):
    """Operator commands."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot
        self.running = installed_versions()  # what the download server imported at start

    @commands.hybrid_command(brief="Latency, uptime and version", help="Shows the bot's health.")
    async def health(self, ctx: commands.Context[BossBot]) -> None:
        """Show gateway latency, uptime, queue and version."""
        latency = self.bot.latency
        shown = f"{latency * 1000:.0f} ms" if math.isfinite(latency) else "not measured yet"
        service = self.bot.service
        queue, health = service.queue_view(), service.health()
        found = await asyncio.to_thread(library_versions)
        lines = [
            "🩺 **boss-bot health**",
            f"Gateway latency: {shown}",
            *shard_lines(self.bot, ctx.guild),
            f"Uptime: {duration(time.monotonic() - self.bot.started_at)}",
            f"Jobs: {len(queue.running)} running, {len(queue.waiting)} waiting",
            rate_line(health),
            f"Version: {__version__}",
            *downloader_lines(found, self.running, self.bot.settings, ctx.clean_prefix),
            *_store_warnings(health),
        ]
        await answer(ctx, "\n".join(lines))

    @commands.group(
        name="queue",
        invoke_without_command=True,
        brief="Show the queue; `clear` empties it",
        help="Alone, the same as `dlq`. `queue clear` cancels every waiting and running job "
        "in this server (moderators: Manage Messages).",
    )
    async def queue_group(self, ctx: commands.Context[BossBot]) -> None:
        """Show the queue (``$dlq``)."""
        dlq = self.bot.get_command("dlq")
        if dlq is None:
            raise UserFacingError("The queue commands are switched off right now.")
        await dlq(ctx)  # what ctx.invoke(dlq) does; its typing rejects the bot's Command[None]

    @queue_group.command(name="clear", brief="Cancel every job in this server (moderators)")
    @commands.guild_only()
    @commands.has_permissions(manage_messages=True)
    async def queue_clear(self, ctx: commands.Context[BossBot]) -> None:
        """Cancel every waiting and running job of this guild."""
        gone = await self.bot.service.cancel_all(requester(ctx))
        if not gone:
            await answer(ctx, "The queue is already empty here.")
            return
        await answer(ctx, f"⏹️ Cleared the queue: {len(gone)} job(s) cancelled.")

    @commands.command(brief="Reload the bot's commands (owner only)", hidden=True)
    @commands.is_owner()
    async def reload(self, ctx: commands.Context[BossBot]) -> None:
        """Reload every extension; a failing one is named and logged."""
        names, failed = list(self.bot.extensions), []
        for name in names:
            try:
                await self.bot.reload_extension(name)
            except commands.ExtensionError:
                logger.exception("could not reload {}", name)
                failed.append(name.rsplit(".", 1)[-1])
        text = f"🔄 Reloaded {len(names) - len(failed)} of {len(names)} extensions."
        await answer(ctx, text + (f" Failed: {', '.join(failed)} (see the log)." if failed else ""))


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Admin(bot))
