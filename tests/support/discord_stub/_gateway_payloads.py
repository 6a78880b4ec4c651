"""Builders for gateway session payloads: READY and the GUILD_MEMBERS_CHUNK reply."""

from __future__ import annotations

from typing import Any

from ._state import StubState
from ._user_payloads import member, user


def ready(state: StubState, session_id: str, gateway_url: str, shard: Any) -> dict[str, Any]:
    """Return the READY payload: the bot user and the guild as unavailable."""
    data = {
        "v": 10,
        "user": user(state, state.bot_user_id),
        "guilds": [{"id": str(state.guild_id), "unavailable": True}],
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
