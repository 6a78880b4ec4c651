"""Discord's shard routing, and the extra guilds that let a test have one per shard.

A connection that sent ``shard: [id, count]`` in IDENTIFY gets the guilds whose
``(guild_id >> 22) % count == id`` and only their events; direct messages (events
without a ``guild_id``) go to shard 0. A connection without ``shard`` gets everything.
"""

from __future__ import annotations

from typing import Any

from ._models import GatewayConn, new_snowflake
from ._state import StubState

Shard = tuple[int, int]


def shard_of(guild_id: int, count: int) -> int:
    """Discord's formula: the shard that carries ``guild_id`` among ``count``."""
    return (guild_id >> 22) % count


async def take_shard(conn: GatewayConn, raw: Any) -> bool:
    """Keep IDENTIFY's ``shard`` on ``conn``, or close it 4010 as Discord does if invalid.

    Returns:
        Whether the connection goes on (``raw`` is absent or ``[id, count]``, id < count).
    """
    try:
        shard_id, count = (int(n) for n in raw) if raw is not None else (0, 0)
    except (TypeError, ValueError):
        shard_id, count = -1, 1
    if raw is not None and not 0 <= shard_id < count:
        await conn.ws.close(code=4010)  # "Invalid shard"
        return False
    conn.shard = (shard_id, count) if raw is not None else None
    return True


def guilds(state: StubState) -> dict[int, int]:
    """Every guild of the stub and its one text channel, ``{guild_id: channel_id}``."""
    return {state.guild_id: state.channel_id, **state.more_guilds}


def guild_of(state: StubState, channel_id: int) -> int | None:
    """The guild whose channel ``channel_id`` is, if any."""
    return next((g for g, c in guilds(state).items() if c == channel_id), None)


def guilds_on(state: StubState, shard: Shard | None) -> list[int]:
    """The guild ids a connection identified with ``shard`` is sent."""
    return [g for g in guilds(state) if shard is None or shard_of(g, shard[1]) == shard[0]]


def receives(shard: Shard | None, data: dict[str, Any]) -> bool:
    """Whether an event with payload ``data`` goes to a connection on ``shard``."""
    if shard is None:
        return True
    guild_id = data.get("guild_id")
    return shard_of(int(guild_id), shard[1]) == shard[0] if guild_id else shard[0] == 0


def snowflake_on(shard_id: int, count: int) -> int:
    """A fresh snowflake that, as a guild id, lands on shard ``shard_id`` of ``count``."""
    flake = new_snowflake()
    millis = (flake >> 22) + (shard_id - shard_of(flake, count)) % count
    return (millis << 22) | (flake & 0x3FFFFF)
