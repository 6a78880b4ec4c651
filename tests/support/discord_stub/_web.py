"""aiohttp helpers: exact ``application/json`` responses, request logging, body parsing."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import BodyPartReader, web

from ._models import StubAttachment
from ._state import StubState

log = logging.getLogger("discord_stub")
API_PREFIX = "/api/v10"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def json_response(data: Any, status: int = 200) -> web.Response:
    """Return JSON with Content-Type exactly ``application/json`` (no charset).

    discord.py only decodes a body whose content-type header equals that string.
    """
    body = json.dumps(data).encode()
    return web.Response(body=body, status=status, headers={"Content-Type": "application/json"})


def error(status: int, code: int, message: str, **extra: Any) -> web.Response:
    """Return a Discord-style JSON error body ``{"code", "message", ...}``."""
    return json_response({"code": code, "message": message, **extra}, status)


def no_content() -> web.Response:
    """Return an empty 204 response."""
    return web.Response(status=204)


def make_middleware(state: StubState) -> Any:
    """Build a middleware recording API calls and turning unknown routes into 404 JSON.

    Args:
        state: Where ``(method, path)`` pairs are appended; paths lose the ``/api/v10``.

    Returns:
        The aiohttp middleware.
    """

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        path = request.path
        api = path.startswith(API_PREFIX)
        if api:
            state.requests.append((request.method, path.removeprefix(API_PREFIX)))
        try:
            return await handler(request)
        except (web.HTTPNotFound, web.HTTPMethodNotAllowed):
            log.warning("discord stub: unknown route %s %s", request.method, path)
            if api:
                return error(404, 0, "Unknown route")
            raise

    return middleware


async def read_body(request: web.Request) -> tuple[dict[str, Any], list[StubAttachment]]:
    """Parse a JSON body or a ``payload_json`` + ``files[n]`` multipart body.

    Args:
        request: The incoming request.

    Returns:
        The JSON payload (``{}`` if none) and the uploaded files in part order.
    """
    if not request.content_type.startswith("multipart/"):
        if not request.can_read_body:
            return {}, []
        return (await request.json()) or {}, []
    payload: dict[str, Any] = {}
    files: list[StubAttachment] = []
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader):
            continue
        if part.name == "payload_json":
            payload = json.loads(await part.text())
        elif part.filename is not None:
            data = bytes(await part.read())
            files.append(StubAttachment(part.filename, data, part.headers.get("Content-Type")))
    return payload, files
