"""``$settings view|set|reset``: a server's own settings, for members with Manage Server.

The bot's owner may change them too. In direct messages it says it works in servers
only. The global allow-lists do not apply here, so a server's admins can never lock
themselves out of their settings.
"""

import discord
from discord.ext import commands

from boss_bot.bot import settings_text as text
from boss_bot.bot.client import BossBot
from boss_bot.bot.permissions import NotAllowed
from boss_bot.bot.replies import AnyContext, answer
from boss_bot.core.server_settings import KEYS, SettingError

SERVERS_ONLY = "`{prefix}settings` works in servers only: use it in the server to change."
NEEDS = "Changing this server's settings needs the **Manage Server** permission."


async def _manager(ctx: AnyContext) -> bool:
    """In a server, with Manage Server (or the bot's owner); else say what is missing."""
    if ctx.guild is None:
        raise NotAllowed(SERVERS_ONLY.format(prefix=ctx.clean_prefix))
    perms = getattr(ctx.author, "guild_permissions", None)
    if (perms and perms.manage_guild) or await ctx.bot.is_owner(ctx.author):
        return True
    raise NotAllowed(NEEDS)


def _in_this_server(guild: discord.Guild, key: str, value: object) -> None:
    """Refuse channels or roles that are not this server's (typed ids of another one)."""
    if not isinstance(value, tuple):
        return
    roles = key.endswith("roles")
    known = guild.get_role if roles else guild.get_channel_or_thread
    if unknown := [v for v in value if known(v) is None]:
        kind = "role" if roles else "channel"
        raise SettingError(f"`{unknown[0]}` is not a {kind} of this server.")


class Settings(commands.Cog):
    """A server's settings."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    async def cog_check(self, ctx: AnyContext) -> bool:
        """Every subcommand: servers only, Manage Server."""
        return await _manager(ctx)

    @commands.hybrid_group(
        fallback="view",
        brief="Show or change this server's settings (Manage Server)",
        help="Shows this server's settings, who changed each last and when. `set <key> "
        "<value>` changes one, `reset <key>` goes back to the operator's default.",
        extras={"examples": ["{prefix}settings", "{prefix}settings set prefix !"]},
    )
    async def settings(self, ctx: commands.Context[BossBot]) -> None:
        """Show every setting of this server."""
        assert ctx.guild is not None  # cog_check made sure
        servers = self.bot.servers
        server, stamps = servers.server(ctx.guild.id), servers.stamps(ctx.guild.id)
        await answer(ctx, text.view(ctx.guild.name, server, stamps, server.prefix))

    @settings.command(name="set", brief="Change one of this server's settings")
    async def set_(self, ctx: commands.Context[BossBot], key: str, *, value: str) -> None:
        """Set ``key`` to ``value``; a bad key or value changes nothing and says why."""
        await self._change(ctx, key, value)

    @settings.command(brief="Put one of this server's settings back to the default")
    async def reset(self, ctx: commands.Context[BossBot], key: str) -> None:
        """Go back to the operator's value for ``key``."""
        await self._change(ctx, key, None)

    async def _change(self, ctx: commands.Context[BossBot], key: str, value: str | None) -> None:
        assert ctx.guild is not None  # cog_check made sure
        who, name = (ctx.author.id, str(ctx.author)), key.strip().lower()
        try:
            if name in KEYS and value is not None:
                _in_this_server(ctx.guild, name, KEYS[name].parse(value, self.bot.settings))
            change = self.bot.servers.change(ctx.guild.id, key, value, who)
        except SettingError as exc:
            if name not in KEYS:
                raise
            raise SettingError(f"`{name}`: {exc} Nothing was changed.") from None
        await answer(ctx, text.changed(change, value is None))


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Settings(bot))
