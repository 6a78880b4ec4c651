"""The seam auto-download reads: a channel's mode, ``off``, ``react`` or ``on``.

The servers' settings (``$settings set auto_download``, ``auto_download_channels``)
answer it (``stored_auto_mode``); ``never`` answers ``off`` everywhere. ``serve.build_bot``
puts the answer on the bot's gate (``Gate.auto_mode``), where ``cogs.auto`` asks.
"""

from collections.abc import Awaitable, Callable
from typing import Literal

from boss_bot.core.server_settings import SettingsStore

AutoMode = Literal["off", "react", "on"]
AutoModeSource = Callable[[int, int], Awaitable[AutoMode]]
"""``await auto_mode(guild_id, channel_id)``: the mode of a channel of a server."""


async def never(guild_id: int, channel_id: int) -> AutoMode:
    """Auto-download is off everywhere (the default)."""
    return "off"


def stored_auto_mode(servers: SettingsStore) -> AutoModeSource:
    """The mode each server chose for a channel (from memory: asked for every message)."""

    async def auto_mode(guild_id: int, channel_id: int) -> AutoMode:
        return servers.server(guild_id).auto_download_in(channel_id)

    return auto_mode
