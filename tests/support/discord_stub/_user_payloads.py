"""Builders for Discord user and guild-member JSON, shaped the way discord.py parses them."""

from __future__ import annotations

from typing import Any

from ._state import StubState


def user(state: StubState, user_id: int) -> dict[str, Any]:
    """Return a user object; the bot user has ``bot: true``."""
    name = state.users.get(user_id, f"user{user_id}")
    is_bot = user_id == state.bot_user_id
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": None if is_bot else name,
        "avatar": None,
        "bot": is_bot,
        "public_flags": 0,
        "flags": 0,
        "verified": True,
        "mfa_enabled": False,
    }


def member(state: StubState, user_id: int, *, with_user: bool = True) -> dict[str, Any]:
    """Return a guild member object (the bot member holds the managed bot role)."""
    data: dict[str, Any] = {
        "roles": [str(state.bot_role_id)] if user_id == state.bot_user_id else [],
        "joined_at": state.joined_at,
        "premium_since": None,
        "nick": None,
        "avatar": None,
        "deaf": False,
        "mute": False,
        "pending": False,
        "flags": 0,
    }
    if with_user:
        data["user"] = user(state, user_id)
    return data
