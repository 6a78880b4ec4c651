"""``$health``: is the bot well?"""

import math
import time

from discord.ext import commands

from boss_bot import __version__
from boss_bot.bot.client import BossBot
from boss_bot.bot.replies import answer
from boss_bot.core.fmt import duration


class Admin(commands.Cog):
    """Operator commands."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    @commands.hybrid_command(brief="Latency, uptime and version", help="Shows the bot's health.")
    async def health(self, ctx: commands.Context) -> None:
        """Show gateway latency, uptime, queue and version."""
        latency = self.bot.latency
        shown = f"{latency * 1000:.0f} ms" if math.isfinite(latency) else "not measured yet"
        queue = self.bot.service.queue
        lines = [
            "🩺 **boss-bot health**",
            f"Gateway latency: {shown}",
            f"Uptime: {duration(time.monotonic() - self.bot.started_at)}",
            f"Jobs: {len(queue.running())} running, {len(queue.waiting())} waiting",
            f"Version: {__version__}",
        ]
        await answer(ctx, "\n".join(lines))


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Admin(bot))
