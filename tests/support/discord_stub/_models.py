"""Plain records of what happened on the stub: messages, attachments and timed events."""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

DISCORD_EPOCH_MS = 1_420_070_400_000
_COUNTER = itertools.count(1)


def new_snowflake() -> int:
    """Return a fresh, time-ordered, Discord-shaped snowflake.

    Returns:
        A unique id whose timestamp bits encode the current wall-clock time.
    """
    millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (millis << 22) | (next(_COUNTER) & 0x3FFFFF)


def iso_now() -> str:
    """Return the current UTC time in ISO 8601, as Discord does (``...T12:00:00.123+00:00``)."""
    return datetime.now(UTC).isoformat()


@dataclass
class StubAttachment:
    """A file uploaded to the stub.

    Attributes:
        filename: The multipart part's filename.
        data: The uploaded bytes.
        content_type: The part's Content-Type as sent (discord.py always sends
            ``application/octet-stream``).
        id: The attachment's snowflake.
    """

    filename: str
    data: bytes
    content_type: str | None = None
    id: int = field(default_factory=new_snowflake)

    @property
    def size(self) -> int:
        """Number of bytes uploaded."""
        return len(self.data)


@dataclass
class StubMessage:
    """A message in the stub's channel, posted by the bot or by a simulated user.

    ``content``/``embeds``/``attachments`` reflect the latest edit; ``edits``
    keeps every PATCH payload in order and ``edited_at`` their monotonic times.
    ``created_at`` is :func:`time.monotonic` when the message was posted.
    """

    id: int
    channel_id: int
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[StubAttachment] = field(default_factory=list)
    message_reference: dict[str, Any] | None = None
    allowed_mentions: dict[str, Any] | None = None
    edits: list[dict[str, Any]] = field(default_factory=list)
    reactions: list[str] = field(default_factory=list)
    deleted: bool = False
    created_at: float = field(default_factory=time.monotonic)
    edited_at: list[float] = field(default_factory=list)
    author_id: int = 0
    components: list[dict[str, Any]] = field(default_factory=list)
    flags: int = 0
    timestamp: str = field(default_factory=iso_now)
    edited_timestamp: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)

    @property
    def reply_to(self) -> int | None:
        """The id of the message this one replies to, if any."""
        ref = self.message_reference or {}
        return int(ref["message_id"]) if ref.get("message_id") else None


@dataclass
class StubEvent:
    """Something that happened, with its :func:`time.monotonic` timestamp.

    Kinds: ``gateway_connect``, ``identify``, ``ready``/``resume`` (recorded once the
    bot has processed READY + GUILD_CREATE / RESUMED),
    ``gateway_disconnect``, ``user_message``, ``user_reaction``, ``bot_message``,
    ``bot_edit``, ``bot_delete``, ``bot_reaction``, ``bot_unreaction``,
    ``typing``, ``upload_rejected``, ``nonce_repeat`` (the earlier message returned).
    """

    kind: str
    at: float
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False)
class GatewayConn:
    """One bot's websocket, its session and the events sent on it."""

    ws: web.WebSocketResponse
    session_id: str | None = None
    seq: int = 0
    confirmed: bool = False
    pending: tuple[int, str] | None = None
    shard: tuple[int, int] | None = None  # IDENTIFY's [id, count] (_shards)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
