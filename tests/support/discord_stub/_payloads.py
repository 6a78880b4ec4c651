"""Builders for Discord API/gateway JSON objects, shaped the way discord.py parses them."""

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


def channel(state: StubState) -> dict[str, Any]:
    """Return the single text channel, ``#general``."""
    return {
        "id": str(state.channel_id),
        "type": 0,
        "guild_id": str(state.guild_id),
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "topic": None,
        "rate_limit_per_user": 0,
        "parent_id": None,
        "last_message_id": None,
    }


def roles(state: StubState) -> list[dict[str, Any]]:
    """Return ``@everyone`` (id == guild id) and the bot's managed role."""
    base = {"color": 0, "hoist": False, "icon": None, "unicode_emoji": None, "mentionable": False}
    return [
        {**base, "id": str(state.guild_id), "name": "@everyone", "position": 0, "managed": False,
         "permissions": str(state.everyone_permissions), "flags": 0},
        {**base, "id": str(state.bot_role_id), "name": "boss-bot", "position": 1, "managed": True,
         "permissions": str(state.everyone_permissions | (1 << 13)), "flags": 0,
         "tags": {"bot_id": str(state.bot_user_id)}},
    ]  # fmt: skip


def guild(state: StubState) -> dict[str, Any]:
    """Return the full GUILD_CREATE guild object."""
    return {
        "id": str(state.guild_id), "name": "Stub Guild", "icon": None, "splash": None,
        "discovery_splash": None, "banner": None, "description": None,
        "owner_id": str(state.user_id), "afk_channel_id": None, "afk_timeout": 300,
        "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0, "application_id": None,
        "system_channel_id": str(state.channel_id), "system_channel_flags": 0,
        "rules_channel_id": None, "public_updates_channel_id": None,
        "safety_alerts_channel_id": None, "vanity_url_code": None, "preferred_locale": "en-US",
        "premium_tier": state.premium_tier, "premium_subscription_count": 0,
        "premium_progress_bar_enabled": False, "max_members": 500000,
        "max_video_channel_users": 25, "features": [], "emojis": [], "stickers": [],
        "roles": roles(state), "joined_at": state.joined_at, "large": False,
        "unavailable": False, "member_count": len(state.users),
        "members": [member(state, uid) for uid in state.users], "channels": [channel(state)],
        "threads": [], "presences": [], "voice_states": [], "stage_instances": [],
        "guild_scheduled_events": [], "soundboard_sounds": [],
    }  # fmt: skip


def ready(state: StubState, session_id: str, gateway_url: str, shard: Any) -> dict[str, Any]:
    """Return the READY payload: the bot user and the guild as unavailable."""
    data = {
        "v": 10, "user": user(state, state.bot_user_id),
        "guilds": [{"id": str(state.guild_id), "unavailable": True}],
        "session_id": session_id, "session_type": "normal",
        "resume_gateway_url": gateway_url, "private_channels": [], "relationships": [],
        "application": {"id": str(state.bot_user_id), "flags": 0},
    }  # fmt: skip
    if shard:
        data["shard"] = shard
    return data


def members_chunk(state: StubState, nonce: str | None) -> dict[str, Any]:
    """Return a single GUILD_MEMBERS_CHUNK answering a request-guild-members (op 8)."""
    return {
        "guild_id": str(state.guild_id), "members": [member(state, uid) for uid in state.users],
        "chunk_index": 0, "chunk_count": 1, "not_found": [], "nonce": nonce,
    }  # fmt: skip
