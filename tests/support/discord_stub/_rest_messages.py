"""REST routes for messages, reactions and typing in the stub's channel."""

from __future__ import annotations

from aiohttp import web

from . import _message_payloads as M
from ._gateway import Gateway
from ._message_ops import apply_edit, forced_failure, lookup, validate
from ._rest_create import create_message
from ._shards import guild_of
from ._state import StubState
from ._web import error, json_response, no_content, read_body

CHANNEL = "/api/v10/channels/{cid}"
MESSAGE = CHANNEL + "/messages/{mid}"
REACTION = MESSAGE + "/reactions/{emoji}/{who}"


class MessageRoutes:
    """Handlers for ``/channels/{cid}/...``, echoing MESSAGE_* events like Discord does.

    Args:
        state: Shared stub state.
        gateway: Where the MESSAGE_* / MESSAGE_REACTION_* events are dispatched.
    """

    def __init__(self, state: StubState, gateway: Gateway) -> None:
        self.state, self.gateway = state, gateway

    def register(self, router: web.UrlDispatcher) -> None:
        """Add the routes to ``router``."""
        router.add_post(CHANNEL + "/messages", self.create)
        router.add_get(CHANNEL + "/messages", self.history)
        router.add_get(MESSAGE, self.get)
        router.add_patch(MESSAGE, self.edit)
        router.add_delete(MESSAGE, self.delete)

    async def create(self, request: web.Request) -> web.Response:
        """POST a message as the bot (``_rest_create``)."""
        return await create_message(self.state, self.gateway, request)

    async def history(self, request: web.Request) -> web.Response:
        """GET channel history (``after``/``before``/``limit``), newest first, like Discord."""
        cid = int(request.match_info["cid"])
        after = int(request.query.get("after", 0))
        before = int(request.query.get("before", 1 << 63))
        limit = min(int(request.query.get("limit", 50)), 100)
        found = sorted(
            (
                m
                for m in self.state.messages + self.state.user_messages
                if m.channel_id == cid and after < m.id < before and not m.deleted
            ),
            key=lambda m: m.id,
        )
        found = found[:limit] if "after" in request.query else found[-limit:]
        return json_response([M.message(self.state, m) for m in reversed(found)])

    async def get(self, request: web.Request) -> web.Response:
        """GET one message."""
        msg = lookup(self.state, request)
        return msg if isinstance(msg, web.Response) else json_response(M.message(self.state, msg))

    async def edit(self, request: web.Request) -> web.Response:
        """PATCH a bot message; the payload is appended to ``edits``."""
        msg = lookup(self.state, request)
        if isinstance(msg, web.Response):
            return msg
        if msg.author_id != self.state.bot_user_id:
            return error(403, 50005, "Cannot edit a message authored by another user")
        payload, files = await read_body(request)
        await self.state.holds.edit_gate(msg.id)
        content = payload.get("content") or ""
        if failure := next((f for f in self.state.edit_failures if f[1] in content), None):
            self.state.edit_failures.remove(failure)
            self.state.record("edit_rejected", message_id=msg.id, status=failure[0])
            return forced_failure(failure[0])
        if rejected := validate(self.state, payload, files):
            return rejected
        apply_edit(msg, payload, files)
        self.state.record("bot_edit", message_id=msg.id)
        data = M.message(self.state, msg)
        await self.gateway.dispatch("MESSAGE_UPDATE", data)
        return json_response(data)

    async def delete(self, request: web.Request) -> web.Response:
        """DELETE a message (it stays in the lists, marked ``deleted``)."""
        msg = lookup(self.state, request)
        if isinstance(msg, web.Response):
            return msg
        msg.deleted = True
        self.state.record("bot_delete", message_id=msg.id)
        guild_id = guild_of(self.state, msg.channel_id)
        ids = {"id": str(msg.id), "channel_id": str(msg.channel_id), "guild_id": str(guild_id)}
        await self.gateway.dispatch("MESSAGE_DELETE", ids)
        return no_content()
