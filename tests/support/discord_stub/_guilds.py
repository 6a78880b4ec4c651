""":class:`StubGuilds`: more guilds than the stub's first one, e.g. one on each shard."""

from __future__ import annotations

from ._invoke import StubInvoke
from ._models import new_snowflake
from ._shards import snowflake_on


class StubGuilds(StubInvoke):
    """Adds guilds; each has one text channel and the same members as the first."""

    def add_guild(self, shard_id: int = 0, shard_count: int = 1) -> tuple[int, int]:
        """Add a guild carried by shard ``shard_id`` of ``shard_count`` (Discord's formula).

        Connections identified afterwards get it in READY and GUILD_CREATE; send to it
        with ``send_user_message(..., channel_id=channel_id)``.

        Returns:
            The new guild's id and its channel's id.
        """
        guild_id, channel_id = snowflake_on(shard_id, shard_count), new_snowflake()
        self.state.more_guilds[guild_id] = channel_id
        return guild_id, channel_id
