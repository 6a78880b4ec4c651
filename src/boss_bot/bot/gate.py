"""Who may use the bot where: the channel and role allow-lists, in servers and in DMs.

One answer for every entry point: the global command check (``cogs.access``) and the
🔄 reaction (``cogs.controls``). Both lists are optional and per server
(``$settings set allowed_channels|allowed_roles``, read at every check; the operator's
``ALLOWED_CHANNEL_IDS``/``ALLOWED_ROLE_IDS`` are the defaults; empty means everywhere and
everyone); moderators (Manage Messages) are never locked out.

Direct messages are refused unless ``ALLOW_DMS`` is on; then a user is served if, in
at least one server they share with the bot, they hold an allowed role or moderate.
The bot has no members intent, so it asks Discord for the user's membership in each
server (``Guild.fetch_member``, one REST call each, no privileged intent needed) and
remembers the answer for ``ttl`` seconds.
"""

import time
from collections.abc import Callable

import discord
from discord.ext import commands
from loguru import logger

from boss_bot.bot.auto_mode import AutoModeSource, never
from boss_bot.core.server_settings import SettingsStore
from boss_bot.settings import BotSettings

DMS_OFF = (
    "I don't take commands in direct messages. Use me in a server we share; "
    "`{prefix}dlh` works here and lists the commands."
)
DMS_REFUSED = (
    "In direct messages I only serve members who may use me in a server we share "
    "(it needs a role that server's moderators chose)."
)
MEMBERSHIP_TTL = 120.0


class Gate:
    """Answers "may this user use the bot here?", with the reason when not."""

    def __init__(
        self,
        bot: commands.Bot,
        settings: BotSettings,
        servers: SettingsStore,
        *,
        ttl: float = MEMBERSHIP_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.bot, self.settings, self.ttl, self.clock = bot, settings, ttl, clock
        self.servers = servers
        self._dm_answers: dict[int, tuple[float, bool]] = {}  # user -> (until, allowed)
        self.auto_mode: AutoModeSource = never  # auto-download per channel (``cogs.auto``)

    async def refusal(
        self,
        user: discord.abc.Snowflake,
        channel: discord.abc.Snowflake,
        guild: discord.Guild | None,
    ) -> str | None:
        """Why ``user`` may not use the bot in ``channel`` (of ``guild``, None in DMs), or None."""
        if guild is None:
            if not self.settings.allow_dms:
                return DMS_OFF.format(prefix=self.settings.command_prefix)
            return None if await self._allowed_somewhere(user.id) else DMS_REFUSED
        if not isinstance(user, discord.Member) or user.guild_permissions.manage_messages:
            return None
        channels = self.servers.server(guild.id).allowed_channels
        here = {channel.id, getattr(channel, "parent_id", None)}  # a thread's parent
        if channels and not here & set(channels):
            where = ", ".join(f"<#{c}>" for c in channels[:5])
            return f"I only take commands in {where}."
        if not self._has_role(user):
            return "Using me needs a role this server's moderators chose."
        return None

    def _has_role(self, member: discord.Member) -> bool:
        roles = self.servers.server(member.guild.id).allowed_roles
        return not roles or any(role.id in roles for role in member.roles)

    async def _allowed_somewhere(self, user_id: int) -> bool:
        now = self.clock()
        until, allowed = self._dm_answers.get(user_id, (0.0, False))
        if until > now:
            return allowed
        allowed = False
        for guild in self.bot.guilds:
            try:
                member = await guild.fetch_member(user_id)
            except discord.NotFound:  # not a member of that server
                continue
            except discord.HTTPException:
                logger.opt(exception=True).warning("could not look up a member of {}", guild.id)
                continue
            if member.guild_permissions.manage_messages or self._has_role(member):
                allowed = True
                break
        self._dm_answers[user_id] = (now + self.ttl, allowed)
        return allowed
