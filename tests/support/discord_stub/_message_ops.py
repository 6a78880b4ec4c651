"""Message checks shared by the REST handlers: lookup, Discord-like validation, edits."""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from ._embeds import embed_problem
from ._models import StubAttachment, StubMessage, iso_now
from ._shards import guild_of
from ._state import StubState
from ._web import error, json_response

_EMPTY: dict[str, Any] = {"content": "", "flags": 0}


def lookup(state: StubState, request: web.Request) -> StubMessage | web.Response:
    """Return the message named by ``{cid}``/``{mid}``, or a Discord 404 response."""
    cid = int(request.match_info["cid"])
    if guild_of(state, cid) is None:
        return error(404, 10003, "Unknown Channel")
    found = state.get_message(int(request.match_info["mid"]), cid)
    return found or error(404, 10008, "Unknown Message")


def validate(
    state: StubState, payload: dict[str, Any], files: list[StubAttachment]
) -> web.Response | None:
    """Return the error Discord would answer for this body, else ``None``.

    Forced failures (:meth:`DiscordStub.fail_next_uploads`) apply first, then the
    per-file size limit of the guild's premium tier, then the 2000-character limit, then
    the embeds' limits and links (``_embeds``).
    """
    names = [f.filename for f in files]
    if files and state.upload_failures:
        status = state.upload_failures.pop(0)
        state.record("upload_rejected", status=status, files=names, forced=True)
        return forced_failure(status)
    if any(f.size > state.filesize_limit for f in files):
        state.record("upload_rejected", status=413, files=names, forced=False)
        return error(413, 40005, "Request entity too large")
    if len(payload.get("content") or "") > 2000:
        detail = {"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."}
        return error(400, 50035, "Invalid Form Body", errors={"content": {"_errors": [detail]}})
    if problem := embed_problem(payload.get("embeds") or [], names):
        detail = {"code": "EMBED_INVALID", "message": problem}
        return error(400, 50035, "Invalid Form Body", errors={"embeds": {"_errors": [detail]}})
    return None


def new_message(
    state: StubState, payload: dict[str, Any], files: list[StubAttachment]
) -> StubMessage:
    """Build the bot's :class:`StubMessage` from a create payload."""
    return StubMessage(
        id=0,
        channel_id=state.channel_id,
        content=payload.get("content") or "",
        embeds=payload.get("embeds") or [],
        attachments=files,
        message_reference=payload.get("message_reference"),
        allowed_mentions=payload.get("allowed_mentions"),
        author_id=state.bot_user_id,
        components=payload.get("components") or [],
        flags=payload.get("flags") or 0,
        payload=payload,
    )


def apply_edit(msg: StubMessage, payload: dict[str, Any], files: list[StubAttachment]) -> None:
    """Apply a PATCH payload (kept in ``msg.edits``) like Discord does."""
    msg.edits.append(payload)
    for key in ("content", "embeds", "components", "flags", "allowed_mentions"):
        if key in payload:
            value = payload[key]
            setattr(msg, key, value if value is not None else _EMPTY.get(key, []))
    if "attachments" in payload:
        keep = {str(a.get("id")) for a in payload["attachments"] or []}
        msg.attachments = [a for a in msg.attachments if str(a.id) in keep] + files
    else:
        msg.attachments += files
    msg.edited_timestamp = iso_now()
    msg.edited_at.append(time.monotonic())


def forced_failure(status: int) -> web.Response:
    """What Discord answers: 429 with ``retry_after`` (and Cloudflare's Via), 5xx, or 413."""
    if status == 429:
        body = {"message": "You are being rate limited.", "retry_after": 0.2, "global": False}
        response = json_response(body, status=429)
        response.headers["Via"] = "1.1 google"  # discord.py: without it, a Cloudflare ban
        return response
    if status >= 500:
        return json_response({"message": "Service unavailable", "code": 0}, status=status)
    return error(status, 40005, "Request entity too large")
