"""REST routes for users, gateway discovery, application info, guild and CDN."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from . import _guild_payloads as G
from . import _shards as S
from . import _user_payloads as U
from ._gateway import Gateway
from ._state import StubState
from ._web import error, json_response

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
            "/users/@me": lambda: U.user(s, s.bot_user_id),
            "/gateway": lambda: {"url": self.gateway.url},
            "/gateway/bot": lambda: {
                "url": self.gateway.url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            },
            "/applications/@me": self._application,
            "/oauth2/applications/@me": self._application,
            "/channels/{cid}": lambda ids: G.channel(s, ids["cid"]),
            "/guilds/{gid}": lambda ids: G.guild(s, ids["gid"]),
            "/guilds/{gid}/channels": lambda ids: [G.channel(s, S.guilds(s)[ids["gid"]])],
        }
        for path, build in static.items():
            router.add_get(API + path, self._static(build))
        router.add_get(API + "/users/{uid}", self.get_user)
        router.add_get(GUILD + "/members/{uid}", self.get_user)
        router.add_get("/attachments/{cid}/{aid}/{name}", self.cdn)

    def _static(self, build: Any) -> Any:
        async def handler(request: web.Request) -> web.Response:
            gid, cid = request.match_info.get("gid"), request.match_info.get("cid")
            ids = {k: int(v) for k, v in request.match_info.items()}
            if gid is not None and int(gid) not in S.guilds(self.state):
                return error(404, 10004, "Unknown Guild")
            if cid is not None and S.guild_of(self.state, int(cid)) is None:
                return error(404, 10003, "Unknown Channel")
            return json_response(build(ids) if ids else build())

        return handler

    def _application(self) -> dict[str, Any]:
        s = self.state
        return {
            "id": str(s.bot_user_id),
            "name": "boss-bot",
            "icon": None,
            "description": "",
            "summary": "",
            "rpc_origins": [],
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": U.user(s, s.user_id),
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "bot": U.user(s, s.bot_user_id),
            "redirect_uris": [],
            "tags": [],
            "interactions_endpoint_url": None,
        }

    async def get_user(self, request: web.Request) -> web.Response:
        """GET ``/users/{uid}`` or ``/guilds/{gid}/members/{uid}``."""
        uid = int(request.match_info["uid"])
        if uid not in self.state.users:
            return error(404, 10013, "Unknown User")
        if "gid" in request.match_info:
            return json_response(U.member(self.state, uid))
        return json_response(U.user(self.state, uid))

    async def cdn(self, request: web.Request) -> web.Response:
        """Serve uploaded attachment bytes at the ``url`` given in message payloads."""
        aid = int(request.match_info["aid"])
        for msg in self.state.messages + self.state.user_messages:
            for att in msg.attachments:
                if att.id == aid:
                    ctype = att.content_type or "application/octet-stream"
                    return web.Response(body=att.data, headers={"Content-Type": ctype})
        raise web.HTTPNotFound
