"""POST ``/channels/{cid}/messages``: a new message, or the earlier one its nonce names."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from . import _message_payloads as M
from ._gateway import Gateway
from ._message_ops import new_message, validate
from ._models import StubAttachment, new_snowflake
from ._shards import guild_of
from ._state import StubState
from ._web import error, json_response, read_body

MAX_NONCE = 25  # characters of a string nonce


async def create_message(state: StubState, gateway: Gateway, request: web.Request) -> web.Response:
    """POST a message as the bot (JSON, or multipart with ``files[n]``).

    A held upload (``Holds``) waits here; released, it is dropped (503) or goes on, and
    then records ``upload_released`` with the status it was answered.
    """
    cid = int(request.match_info["cid"])
    if guild_of(state, cid) is None:
        return error(404, 10003, "Unknown Channel")
    payload, files = await read_body(request)
    gate = await state.holds.upload_gate([f.filename for f in files]) if files else "pass"
    if gate == "drop":
        return error(503, 0, "Service unavailable")  # nobody is left to read it
    response = await _post(state, gateway, payload, files, cid)
    if gate == "post":
        state.record("upload_released", status=response.status)
    return response


async def _post(
    state: StubState,
    gateway: Gateway,
    payload: dict[str, Any],
    files: list[StubAttachment],
    channel_id: int,
) -> web.Response:
    if rejected := validate(state, payload, files) or _nonce_problem(payload):
        return rejected
    if not (payload.get("content") or payload.get("embeds") or files):
        return error(400, 50006, "Cannot send an empty message")
    if earlier := state.nonces.earlier(state.bot_user_id, payload):
        if earlier.deleted:
            return error(404, 10008, "Unknown Message")
        state.record("nonce_repeat", message_id=earlier.id, nonce=payload["nonce"])
        return json_response({**M.message(state, earlier), "nonce": payload["nonce"]})
    msg = new_message(state, payload, files)
    msg.id, msg.channel_id = new_snowflake(), channel_id
    state.add_message(msg)
    state.nonces.remember(msg, payload)
    state.record("bot_message", message_id=msg.id)
    data = M.message(state, msg)
    if "nonce" in payload:
        data["nonce"] = payload["nonce"]  # echoed in the answer and MESSAGE_CREATE only
    await gateway.dispatch("MESSAGE_CREATE", data)
    return json_response(data)


def _nonce_problem(payload: dict[str, Any]) -> web.Response | None:
    """The 400 Discord answers for a string nonce over 25 characters, else ``None``."""
    nonce = payload.get("nonce")
    if not isinstance(nonce, str) or len(nonce) <= MAX_NONCE:
        return None
    detail = {"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 25 or fewer in length."}
    return error(400, 50035, "Invalid Form Body", errors={"nonce": {"_errors": [detail]}})
