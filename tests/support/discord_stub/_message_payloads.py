"""Builders for message, attachment and reaction objects."""

from __future__ import annotations

import mimetypes
import re
from typing import Any
from urllib.parse import quote

from ._models import StubAttachment, StubMessage
from ._shards import guild_of
from ._state import StubState
from ._user_payloads import member, user

_MENTION = re.compile(r"<@!?(\d+)>")


def attachment(state: StubState, channel_id: int, att: StubAttachment) -> dict[str, Any]:
    """Return an attachment object whose ``url`` is served by the stub itself."""
    url = f"{state.base_url}/attachments/{channel_id}/{att.id}/{quote(att.filename)}"
    guessed = mimetypes.guess_type(att.filename)[0]
    return {
        "id": str(att.id),
        "filename": att.filename,
        "size": att.size,
        "url": url,
        "proxy_url": url,
        "content_type": guessed or att.content_type,
    }


def message(state: StubState, msg: StubMessage, *, nested: bool = False) -> dict[str, Any]:
    """Return a message object (with ``referenced_message`` for replies unless nested)."""
    mentioned = [int(i) for i in _MENTION.findall(msg.content) if int(i) in state.users]
    data: dict[str, Any] = {
        "id": str(msg.id),
        "channel_id": str(msg.channel_id),
        "guild_id": str(guild_of(state, msg.channel_id)),
        "author": user(state, msg.author_id),
        "member": member(state, msg.author_id, with_user=False),
        "content": msg.content,
        "timestamp": msg.timestamp,
        "edited_timestamp": msg.edited_timestamp,
        "tts": False,
        "mention_everyone": False,
        "mentions": [
            {**user(state, i), "member": member(state, i, with_user=False)}
            for i in dict.fromkeys(mentioned)
        ],
        "mention_roles": [],
        "embeds": msg.embeds,
        "pinned": False,
        "flags": msg.flags,
        "attachments": [attachment(state, msg.channel_id, a) for a in msg.attachments],
        "components": msg.components,
        "type": 19 if msg.message_reference else 0,
        "reactions": [  # the bot's own, as Discord shows them to it ("me")
            {"count": 1, "me": True, "emoji": {"id": None, "name": emoji}}
            for emoji in msg.reactions
        ],
    }
    if msg.message_reference:
        ref_ids = {k: str(v) for k, v in msg.message_reference.items() if k.endswith("_id") and v}
        data["message_reference"] = {"type": 0, **msg.message_reference, **ref_ids}
        if not nested:
            ref = state.get_message(int(msg.message_reference.get("message_id") or 0))
            data["referenced_message"] = message(state, ref, nested=True) if ref else None
    return data


def reaction(state: StubState, msg: StubMessage, emoji: str, user_id: int) -> dict[str, Any]:
    """Return a MESSAGE_REACTION_ADD/REMOVE payload for a unicode or ``name:id`` emoji."""
    name, _, emoji_id = emoji.partition(":")
    return {
        "user_id": str(user_id),
        "channel_id": str(msg.channel_id),
        "message_id": str(msg.id),
        "guild_id": str(guild_of(state, msg.channel_id)),
        "member": member(state, user_id),
        "emoji": {"id": emoji_id or None, "name": name},
        "burst": False,
        "type": 0,
        "message_author_id": str(msg.author_id),
    }
