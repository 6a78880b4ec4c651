"""``$restart``: the bot's owner restarts it in place, e.g. after ``bossbotctl upgrade``."""

from discord.ext import commands

from boss_bot.bot.client import BossBot
from boss_bot.bot.replies import answer
from boss_bot.bot.restarting import (
    RESTARTING,
    RestartNotice,
    announce_back,
    leave_notice,
    take_notice,
)
from boss_bot.core.storage.paths import Storage


class Lifecycle(commands.Cog):
    """Restarting, and saying so once back."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot
        self.notice = Storage(bot.settings.data_dir, bot.settings.shard_tag).restart_notice

    @commands.command(
        brief="Restart the bot in place (owner only)",
        help="Restarts the bot with the same command line, loading upgraded yt-dlp and "
        "gallery-dl (after `bossbotctl upgrade`). Waiting jobs keep their place and running "
        "ones start again; this message says when the bot is back. The bot's owner only.",
        hidden=True,  # like `reload`: members' help lists what members may use
    )
    @commands.is_owner()
    async def restart(self, ctx: commands.Context[BossBot]) -> None:
        """Answer, leave a notice for the next process, and ask the bot to restart."""
        message = await answer(ctx, RESTARTING)
        leave_notice(self.notice, RestartNotice(message.channel.id, message.id))
        await self.bot.restart()

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Once back from a restart, edit its "restarting…" message."""
        if notice := take_notice(self.notice):
            await announce_back(self.bot, notice)


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Lifecycle(bot))
