""":class:`StubInvoke`: a member using the bot's slash and message commands."""

from __future__ import annotations

import secrets
from typing import Any

from . import _guild_payloads as G
from . import _message_payloads as M
from . import _user_payloads as U
from ._models import StubMessage, new_snowflake
from ._state import StubState
from ._waits import StubWaits


def interaction(state: StubState, data: dict[str, Any], user_id: int, token: str) -> dict[str, Any]:
    """An INTERACTION_CREATE payload for a command in the stub's guild channel."""
    perms = str(state.everyone_permissions)  # the member's
    bot = str(state.everyone_permissions | (1 << 13))  # the bot's role adds Manage Messages
    return {
        "id": str(new_snowflake()),
        "application_id": str(state.bot_user_id),
        "type": 2,
        "token": token,
        "version": 1,
        "data": data,
        "guild_id": str(state.guild_id),
        "channel_id": str(state.channel_id),
        "channel": G.channel(state),
        "member": {**U.member(state, user_id), "permissions": perms},
        "app_permissions": bot,
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(state.guild_id)},
        "context": 0,
        "attachment_size_limit": state.filesize_limit,
    }


def new_token() -> str:
    """A fresh interaction token."""
    return secrets.token_urlsafe(24)


class StubInvoke(StubWaits):
    """Dispatch INTERACTION_CREATE as Discord does when a member runs a command."""

    async def slash(self, name: str, user_id: int | None = None, **options: str) -> str:
        """Run ``/name`` with string ``options``; returns the interaction token."""
        data = {
            "id": str(new_snowflake()),
            "name": name,
            "type": 1,
            "options": [{"name": k, "type": 3, "value": v} for k, v in options.items()],
        }
        return await self._interact(data, user_id)

    async def message_command(self, name: str, message_id: int, user_id: int | None = None) -> str:
        """Run the message (right-click) command ``name`` on a message; returns the token."""
        msg = self.state.get_message(message_id)
        if msg is None:
            raise KeyError(f"unknown message {message_id}")
        data = {
            "id": str(new_snowflake()),
            "name": name,
            "type": 3,
            "target_id": str(msg.id),
            "resolved": {"messages": {str(msg.id): M.message(self.state, msg)}},
        }
        return await self._interact(data, user_id)

    async def _interact(self, data: dict[str, Any], user_id: int | None) -> str:
        token = new_token()
        who = user_id or self.state.user_id
        self.state.record("interaction", token=token, name=data["name"])
        await self.gateway.dispatch("INTERACTION_CREATE", interaction(self.state, data, who, token))
        return token

    async def wait_for_response(self, token: str, timeout: float = 15) -> StubMessage:
        """The message that answers the interaction ``token`` (once it has content)."""
        event = await self.wait_for_event(
            "interaction_response", lambda e: e.data["token"] == token, timeout
        )
        return await self.wait_for_message(
            lambda m: m.id == event.data["message_id"] and bool(m.content), timeout
        )
