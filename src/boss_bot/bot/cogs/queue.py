"""``$dlq``: what is running and what is waiting."""

from discord.ext import commands

from boss_bot.bot.client import BossBot
from boss_bot.bot.delivery import NO_MENTIONS
from boss_bot.core.items import DownloadItem

MAX_LINES = 20


def _line(item: DownloadItem, label: str) -> str:
    return f"`{item.id}` {label} <@{item.user_id}> <{item.url}>"


class Queue(commands.Cog):
    """See the download queue."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    @commands.command(brief="Show the download queue", help="Lists running and waiting jobs.")
    async def dlq(self, ctx: commands.Context) -> None:
        """Show running and waiting jobs."""
        queue = self.bot.service.queue
        running, waiting = queue.running(), queue.waiting()
        if not running and not waiting:
            await ctx.reply("The queue is empty.", mention_author=False)
            return
        lines = [_line(item, "⬇️ running") for item in running]
        lines += [_line(item, f"#{n} waiting") for n, item in enumerate(waiting, 1)]
        more = len(lines) - MAX_LINES
        text = "\n".join(lines[:MAX_LINES]) + (f"\n…and {more} more" if more > 0 else "")
        header = f"**Queue:** {len(running)} running, {len(waiting)} waiting\n"
        await ctx.reply(header + text, allowed_mentions=NO_MENTIONS)


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Queue(bot))
