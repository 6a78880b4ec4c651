"""Gateway shards: the bot class for the settings, its shard options, and what to say.

Unsharded (``SHARD_COUNT`` unset) the bot is a plain ``commands.Bot``, as it always was.
With shards it is a ``commands.AutoShardedBot`` running the shards ``SHARD_IDS`` names;
Discord sends it only the events of servers whose ``(server_id >> 22) % count`` is one
of them, and direct messages only to shard 0.
"""

from typing import Any

import discord
from discord.ext import commands

from boss_bot.settings import BotSettings


def shard_options(settings: BotSettings) -> dict[str, Any]:
    """Keyword arguments for the bot's constructor: none unsharded."""
    if settings.shard_count is None:
        return {}
    return {"shard_count": settings.shard_count, "shard_ids": settings.shards_run}


def shard_lines(bot: commands.Bot, guild: discord.Guild | None) -> list[str]:
    """``$health``'s line saying which shard brought this message, when sharded."""
    if not isinstance(bot, commands.AutoShardedBot) or bot.shard_count is None:
        return []
    here = "direct messages: shard 0" if guild is None else f"shard {guild.shard_id}"
    runs = ", ".join(str(i) for i in sorted(bot.shards))
    return [f"Gateway shard: {here} (this process runs {runs} of {bot.shard_count})"]
