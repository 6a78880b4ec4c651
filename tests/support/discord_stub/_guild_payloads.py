"""Builders for the stub guild's JSON: its one channel, its roles and the guild itself."""

from __future__ import annotations

from typing import Any

from . import _shards as S
from ._state import StubState
from ._user_payloads import member


def channel(state: StubState, channel_id: int | None = None) -> dict[str, Any]:
    """Return a guild's one text channel, ``#general`` (by default the first guild's)."""
    cid = channel_id or state.channel_id
    return {
        "id": str(cid),
        "type": 0,
        "guild_id": str(S.guild_of(state, cid)),
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "topic": None,
        "rate_limit_per_user": 0,
        "parent_id": None,
        "last_message_id": None,
    }


def roles(state: StubState, guild_id: int) -> list[dict[str, Any]]:
    """Return ``@everyone`` (id == guild id) and the bot's managed role."""
    base = {"color": 0, "hoist": False, "icon": None, "unicode_emoji": None, "mentionable": False}
    return [
        {
            **base,
            "id": str(guild_id),
            "name": "@everyone",
            "position": 0,
            "managed": False,
            "permissions": str(state.everyone_permissions),
            "flags": 0,
        },
        {
            **base,
            "id": str(state.bot_role_id),
            "name": "boss-bot",
            "position": 1,
            "managed": True,
            "permissions": str(state.everyone_permissions | (1 << 13)),
            "flags": 0,
            "tags": {"bot_id": str(state.bot_user_id)},
        },
    ]


def guild(state: StubState, guild_id: int | None = None) -> dict[str, Any]:
    """Return the full GUILD_CREATE guild object (by default the first guild's)."""
    gid = guild_id or state.guild_id
    cid = S.guilds(state)[gid]
    return {
        "id": str(gid),
        "name": "Stub Guild",
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "banner": None,
        "description": None,
        "owner_id": str(state.user_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "application_id": None,
        "system_channel_id": str(cid),
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "public_updates_channel_id": None,
        "safety_alerts_channel_id": None,
        "vanity_url_code": None,
        "preferred_locale": "en-US",
        "premium_tier": state.premium_tier,
        "premium_subscription_count": 0,
        "premium_progress_bar_enabled": False,
        "max_members": 500000,
        "max_video_channel_users": 25,
        "features": [],
        "emojis": [],
        "stickers": [],
        "roles": roles(state, gid),
        "joined_at": state.joined_at,
        "large": False,
        "unavailable": False,
        "member_count": len(state.users),
        "members": [member(state, uid) for uid in state.users],
        "channels": [channel(state, cid)],
        "threads": [],
        "presences": [],
        "voice_states": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }
