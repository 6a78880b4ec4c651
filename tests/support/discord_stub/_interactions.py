"""Interactions: slash and message commands as Discord delivers them, and the replies.

A response (callback type 4) or a deferral (type 5, "thinking…") creates the
original message in the channel; the first follow-up after a deferral replaces
that placeholder, as Discord does. Every reply is an ordinary bot message here, so
later channel edits and reactions work on it.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from . import _message_payloads as M
from ._gateway import Gateway
from ._message_ops import apply_edit, new_message, validate
from ._models import StubMessage, new_snowflake
from ._state import StubState
from ._web import error, json_response, read_body

API = "/api/v10"
DEFERRED, MESSAGE = 5, 4
EPHEMERAL, LOADING = 64, 128  # message flags


class InteractionRoutes:
    """The callback and webhook routes an application uses to answer interactions."""

    def __init__(self, state: StubState, gateway: Gateway) -> None:
        self.state, self.gateway = state, gateway
        self.originals: dict[str, tuple[int, bool]] = {}  # token -> (message id, loading)

    def register(self, router: web.UrlDispatcher) -> None:
        """Add the routes to ``router``."""
        router.add_post(API + "/interactions/{iid}/{token}/callback", self.callback)
        router.add_post(API + "/webhooks/{aid}/{token}", self.followup)
        original = API + "/webhooks/{aid}/{token}/messages/@original"
        router.add_get(original, self.original)
        router.add_patch(original, self.edit_original)

    async def _post(self, payload: dict[str, Any], files: list) -> StubMessage:
        msg = new_message(self.state, payload, files)
        msg.id = new_snowflake()
        self.state.add_message(msg)
        self.state.record("bot_message", message_id=msg.id)
        await self.gateway.dispatch("MESSAGE_CREATE", M.message(self.state, msg))
        return msg

    async def callback(self, request: web.Request) -> web.Response:
        """POST an interaction response: a message (4) or "thinking…" (5)."""
        token = request.match_info["token"]
        body, files = await read_body(request)
        kind, data = body.get("type"), body.get("data") or {}
        if token in self.originals:
            return error(400, 40060, "Interaction has already been acknowledged.")
        if rejected := validate(self.state, data, files):
            return rejected
        hidden = int(data.get("flags") or 0) & EPHEMERAL  # "thinking…" only the user sees
        msg = await self._post(data if kind == MESSAGE else {"flags": LOADING | hidden}, files)
        self.originals[token] = (msg.id, kind == DEFERRED)
        self.state.record("interaction_response", token=token, type=kind, message_id=msg.id)
        return json_response(
            {
                "interaction": {
                    "id": request.match_info["iid"],
                    "type": 2,
                    "response_message_id": str(msg.id),
                    "response_message_loading": kind == DEFERRED,
                    "response_message_ephemeral": False,
                },
                "resource": {"type": kind, "message": M.message(self.state, msg)},
            }
        )

    async def followup(self, request: web.Request) -> web.Response:
        """POST a follow-up; the first one after a deferral replaces the placeholder."""
        token = request.match_info["token"]
        payload, files = await read_body(request)
        if rejected := validate(self.state, payload, files):
            return rejected
        message_id, loading = self.originals.get(token, (0, False))
        if loading and (msg := self.state.get_message(message_id)) is not None:
            self.originals[token] = (message_id, False)
            apply_edit(msg, {**payload, "flags": msg.flags & EPHEMERAL}, files)  # stays hidden
            self.state.record("bot_edit", message_id=msg.id)
            await self.gateway.dispatch("MESSAGE_UPDATE", M.message(self.state, msg))
        else:
            msg = await self._post(payload, files)
        return json_response(M.message(self.state, msg))

    def _original(self, request: web.Request) -> StubMessage | None:
        message_id, _ = self.originals.get(request.match_info["token"], (0, False))
        return self.state.get_message(message_id)

    async def original(self, request: web.Request) -> web.Response:
        """GET the original response."""
        msg = self._original(request)
        return json_response(M.message(self.state, msg)) if msg else error(404, 10008, "Unknown")

    async def edit_original(self, request: web.Request) -> web.Response:
        """PATCH the original response."""
        msg = self._original(request)
        if msg is None:
            return error(404, 10008, "Unknown Message")
        payload, files = await read_body(request)
        apply_edit(msg, payload, files)
        self.state.record("bot_edit", message_id=msg.id)
        await self.gateway.dispatch("MESSAGE_UPDATE", M.message(self.state, msg))
        return json_response(M.message(self.state, msg))
