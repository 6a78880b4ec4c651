"""REST routes for users, gateway discovery, application info, commands, guild and CDN."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from . import _payloads as P
from ._gateway import Gateway
from ._models import new_snowflake
from ._state import StubState
from ._web import error, json_response, read_body

API = "/api/v10"
GUILD = API + "/guilds/{gid}"


class MiscRoutes:
    """Everything a bot needs besides messages.

    Args:
        state: Shared stub state.
        gateway: Provides the gateway URL for ``/gateway`` and ``/gateway/bot``.
    """

    def __init__(self, state: StubState, gateway: Gateway) -> None:
        self.state, self.gateway = state, gateway

    def register(self, router: web.UrlDispatcher) -> None:
        """Add the routes to ``router``."""
        s = self.state
        static = {
            "/users/@me": lambda: P.user(s, s.bot_user_id),
            "/gateway": lambda: {"url": self.gateway.url},
            "/gateway/bot": lambda: {"url": self.gateway.url, "shards": 1, "session_start_limit": {
                "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}},
            "/applications/@me": self._application,
            "/oauth2/applications/@me": self._application,
            "/channels/{cid}": lambda: P.channel(s),
            "/guilds/{gid}": lambda: P.guild(s),
            "/guilds/{gid}/channels": lambda: [P.channel(s)],
        }  # fmt: skip
        for path, build in static.items():
            router.add_get(API + path, self._static(build))
        router.add_get(API + "/users/{uid}", self.get_user)
        router.add_get(GUILD + "/members/{uid}", self.get_user)
        for path in ("/applications/{aid}/commands", "/applications/{aid}/guilds/{gid}/commands"):
            router.add_get(API + path, self.get_commands)
            router.add_put(API + path, self.put_commands)
        router.add_get("/attachments/{cid}/{aid}/{name}", self.cdn)

    def _static(self, build: Any) -> Any:
        async def handler(request: web.Request) -> web.Response:
            gid, cid = request.match_info.get("gid"), request.match_info.get("cid")
            if gid is not None and int(gid) != self.state.guild_id:
                return error(404, 10004, "Unknown Guild")
            if cid is not None and int(cid) != self.state.channel_id:
                return error(404, 10003, "Unknown Channel")
            return json_response(build())

        return handler

    def _application(self) -> dict[str, Any]:
        s = self.state
        return {
            "id": str(s.bot_user_id), "name": "boss-bot", "icon": None, "description": "",
            "summary": "", "rpc_origins": [], "bot_public": True, "bot_require_code_grant": False,
            "owner": P.user(s, s.user_id), "team": None, "verify_key": "0" * 64, "flags": 0,
            "bot": P.user(s, s.bot_user_id), "redirect_uris": [], "tags": [],
            "interactions_endpoint_url": None,
        }  # fmt: skip

    async def get_user(self, request: web.Request) -> web.Response:
        """GET ``/users/{uid}`` or ``/guilds/{gid}/members/{uid}``."""
        uid = int(request.match_info["uid"])
        if uid not in self.state.users:
            return error(404, 10013, "Unknown User")
        if "gid" in request.match_info:
            return json_response(P.member(self.state, uid))
        return json_response(P.user(self.state, uid))

    def _scope(self, request: web.Request) -> str:
        return request.match_info.get("gid", "global")

    async def get_commands(self, request: web.Request) -> web.Response:
        """GET the application commands last PUT for this scope."""
        return json_response(self.state.commands.get(self._scope(request), []))

    async def put_commands(self, request: web.Request) -> web.Response:
        """PUT (bulk overwrite) application commands; echoes them back with ids."""
        body, _ = await read_body(request)
        gid = request.match_info.get("gid")
        extra = {  # Discord fills these in; message/user commands get an empty description
            "application_id": str(self.state.bot_user_id), "version": str(new_snowflake()),
            "description": "", "type": 1,
        }  # fmt: skip
        commands = [
            {"id": str(new_snowflake()), **extra, **({"guild_id": gid} if gid else {}), **cmd}
            for cmd in (body if isinstance(body, list) else [])
        ]
        self.state.commands[self._scope(request)] = commands
        return json_response(commands)

    async def cdn(self, request: web.Request) -> web.Response:
        """Serve uploaded attachment bytes at the ``url`` given in message payloads."""
        aid = int(request.match_info["aid"])
        for msg in self.state.messages + self.state.user_messages:
            for att in msg.attachments:
                if att.id == aid:
                    ctype = att.content_type or "application/octet-stream"
                    return web.Response(body=att.data, headers={"Content-Type": ctype})
        raise web.HTTPNotFound
