"""The global check on every command: the allow-lists and direct messages (``bot.gate``).

``$dlh`` (``$help``) stays available in direct messages even when they are off, so a
user can learn why and where to use the bot. The download rate is not a check here:
it is each member's budget in the core (``core.budget``), shared by every way to
start a download, 🔄 included. ``$settings`` checks for itself (servers only, Manage
Server), so no allow-list can lock a server's admins out of it.
"""

from discord.ext import commands

from boss_bot.bot.client import BossBot
from boss_bot.bot.permissions import NotAllowed
from boss_bot.bot.replies import AnyContext

HELP = "dlh"
OWN_CHECKS = "settings"


class Access(commands.Cog):
    """A global check on every command."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    async def bot_check(self, ctx: AnyContext) -> bool:
        """Refuse commands outside the allowed channels, from members without a role, in DMs."""
        if ctx.guild is None and ctx.command is not None and ctx.command.qualified_name == HELP:
            return True
        if ctx.command is not None and ctx.command.qualified_name.split()[0] == OWN_CHECKS:
            return True
        if reason := await self.bot.gate.refusal(ctx.author, ctx.channel, ctx.guild):
            raise NotAllowed(reason)
        return True


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Access(bot))
