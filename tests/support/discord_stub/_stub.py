""":class:`DiscordStub`: the server plus the actions a test takes as Discord or as a user."""

from __future__ import annotations

import asyncio
from typing import Any

from . import _guild_payloads as G
from . import _message_payloads as M
from ._guilds import StubGuilds
from ._models import StubMessage, new_snowflake


class DiscordStub(StubGuilds):
    """A loopback Discord (REST + gateway) that an unmodified discord.py bot can use.

    Point the bot at it with ``discord.http.Route.BASE = stub.api_url`` and
    ``DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(stub.gateway_url)``.
    """

    async def send_user_message(
        self, content: str, user_id: int | None = None, channel_id: int | None = None
    ) -> dict[str, Any]:
        """Dispatch MESSAGE_CREATE from a human member on every connected gateway.

        Args:
            content: Message text, e.g. ``"$dlt https://..."``.
            user_id: Author; defaults to :attr:`user_id` (the guild owner).
            channel_id: Channel; defaults to :attr:`channel_id`.

        Returns:
            The dispatched message payload (``payload["id"]`` is the id as a string).

        Raises:
            RuntimeError: No bot is connected to the gateway.
        """
        if not self.gateway.live:
            raise RuntimeError("no bot is connected to the stub gateway")
        author = user_id or self.user_id
        self.state.users.setdefault(author, f"user{author}")
        msg = StubMessage(new_snowflake(), channel_id or self.channel_id, content, author_id=author)
        self.state.add_message(msg)
        msg.payload = data = M.message(self.state, msg)
        self.state.record("user_message", message_id=msg.id, content=content)
        await self.gateway.dispatch("MESSAGE_CREATE", data)
        return data

    async def add_reaction(self, message_id: int, emoji: str, user_id: int | None = None) -> None:
        """Dispatch MESSAGE_REACTION_ADD from a user (default :attr:`user_id`).

        Args:
            message_id: A message known to the stub (bot's or user's).
            emoji: A unicode emoji, or ``name:id`` for a custom one.
            user_id: Who reacts.

        Raises:
            KeyError: The message is unknown or deleted.
        """
        msg = self.state.get_message(message_id)
        if msg is None:
            raise KeyError(f"unknown message {message_id}")
        who = user_id or self.user_id
        self.state.record("user_reaction", message_id=msg.id, emoji=emoji, user_id=who)
        await self.gateway.dispatch("MESSAGE_REACTION_ADD", M.reaction(self.state, msg, emoji, who))

    def add_user(self, name: str) -> int:
        """Add a (non-owner) human guild member; it appears in later GUILD_CREATEs.

        Returns:
            The new user's id.
        """
        user_id = new_snowflake()
        self.state.users[user_id] = name
        return user_id

    def set_premium_tier(self, tier: int) -> None:
        """Set the boost tier used in later GUILD_CREATE payloads and upload checks."""
        self.state.premium_tier = tier

    async def push_guild_update(self) -> int:
        """Dispatch GUILD_UPDATE so connected bots see the current tier right away.

        Returns:
            How many connections it was sent to.
        """
        return await self.gateway.dispatch("GUILD_UPDATE", G.guild(self.state))

    def fail_next_uploads(self, count: int = 1, status: int = 413) -> None:
        """Answer the next ``count`` message requests carrying files with ``status``.

        The body is ``{"code": 40005, "message": "Request entity too large"}``.
        """
        self.state.upload_failures.extend([status] * count)

    def fail_next_edits(self, count: int = 1, status: int = 502, containing: str = "") -> None:
        """Answer the next ``count`` message edits with ``status`` (429 carries retry_after).

        With ``containing``, only edits whose new content contains it fail (a final ✅).
        """
        self.state.edit_failures.extend([(status, containing)] * count)

    def hold_edits(self) -> asyncio.Event:
        """Keep message edits waiting, unanswered, until the returned event is set."""
        self.state.holds.edits_open.clear()
        return self.state.holds.edits_open

    def hold_upload(self, after: int = 0, post: bool = False) -> asyncio.Event:
        """Let ``after`` more file uploads through, then keep the next one unanswered.

        It records ``upload_held`` and is never posted, as if the bot died while
        Discord was receiving it; set the returned event to end the request (503).
        With ``post``, released it is posted as Discord would (a repeated nonce finds
        the earlier message), then records ``upload_released``.
        """
        return self.state.holds.hold_upload(after, post)

    async def drop_connections(self, code: int = 4000) -> None:
        """Close every gateway websocket; with 4000 discord.py reconnects and RESUMEs."""
        await self.gateway.close_all(code)
