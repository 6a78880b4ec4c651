"""The seam auto-download reads: a channel's mode, ``off``, ``react`` or ``on``.

Per-server settings (``auto_download``, ``auto_download_channels``) answer it once they
exist; until then ``never`` answers ``off`` everywhere. ``serve.build_bot(auto_mode=…)``
puts another answer on the bot's gate (``Gate.auto_mode``), where ``cogs.auto`` asks.
"""

from collections.abc import Awaitable, Callable
from typing import Literal

AutoMode = Literal["off", "react", "on"]
AutoModeSource = Callable[[int, int], Awaitable[AutoMode]]
"""``await auto_mode(guild_id, channel_id)``: the mode of a channel of a server."""


async def never(guild_id: int, channel_id: int) -> AutoMode:
    """Auto-download is off everywhere (the default)."""
    return "off"
