"""Builders for gateway session payloads: READY, GUILD_CREATEs, a GUILD_MEMBERS_CHUNK."""

from __future__ import annotations

from typing import Any

from . import _guild_payloads as G
from . import _shards as S
from ._state import StubState
from ._user_payloads import member, user


def opening(
    state: StubState, session_id: str, gateway_url: str, raw: Any, shard: S.Shard | None
) -> list[tuple[str, dict[str, Any]]]:
    """READY, then a GUILD_CREATE for each guild of ``shard``: a new session's events."""
    guild_ids = S.guilds_on(state, shard)
    created = [("GUILD_CREATE", G.guild(state, g)) for g in guild_ids]
    return [("READY", ready(state, session_id, gateway_url, raw, guild_ids)), *created]


def ready(
    state: StubState, session_id: str, gateway_url: str, shard: Any, guild_ids: list[int]
) -> dict[str, Any]:
    """Return the READY payload: the bot user and its guilds (``guild_ids``) as unavailable."""
    data = {
        "v": 10,
        "user": user(state, state.bot_user_id),
        "guilds": [{"id": str(g), "unavailable": True} for g in guild_ids],
        "session_id": session_id,
        "session_type": "normal",
        "resume_gateway_url": gateway_url,
        "private_channels": [],
        "relationships": [],
        "application": {"id": str(state.bot_user_id), "flags": 0},
    }
    if shard:
        data["shard"] = shard
    return data


def members_chunk(state: StubState, nonce: str | None) -> dict[str, Any]:
    """Return a single GUILD_MEMBERS_CHUNK answering a request-guild-members (op 8)."""
    return {
        "guild_id": str(state.guild_id),
        "members": [member(state, uid) for uid in state.users],
        "chunk_index": 0,
        "chunk_count": 1,
        "not_found": [],
        "nonce": nonce,
    }
