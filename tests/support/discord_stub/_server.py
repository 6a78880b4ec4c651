"""The :class:`DiscordStub` server: lifecycle, URLs and the ids of its fixed world."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

from aiohttp import web

from ._gateway import Gateway
from ._interactions import InteractionRoutes
from ._models import StubEvent, StubMessage
from ._rest_commands import CommandRoutes
from ._rest_messages import MessageRoutes
from ._rest_misc import MiscRoutes
from ._rest_reactions import ReactionRoutes
from ._state import StubState
from ._web import API_PREFIX, make_middleware


class StubServer:
    """Runs the aiohttp app on ``127.0.0.1`` and exposes the stub's world.

    Args:
        premium_tier: Guild boost tier sent in GUILD_CREATE (0 -> 10 MiB uploads).
        heartbeat_interval: Milliseconds announced in the gateway HELLO.
        port: TCP port; 0 picks a free one.
        nonce_window: Seconds a message's ``enforce_nonce`` repeat returns it (Discord:
            "a few minutes").
    """

    def __init__(
        self,
        *,
        premium_tier: int = 0,
        heartbeat_interval: int = 41250,
        port: int = 0,
        nonce_window: float = 300.0,
    ):
        self.state = s = StubState(premium_tier, nonce_window)
        self.gateway = Gateway(self.state, heartbeat_interval)
        self.guild_id: int = s.guild_id
        self.channel_id: int = s.channel_id  # the one text channel, #general
        self.bot_user_id: int = s.bot_user_id  # also the application id
        self.user_id: int = s.user_id  # the human guild owner
        self.users: dict[int, str] = s.users  # guild members, {id: name}
        self.messages: list[StubMessage] = s.messages  # posted by the bot, in order
        self.user_messages: list[StubMessage] = s.user_messages  # simulated users'
        self.events: list[StubEvent] = s.events  # everything, timestamped
        self.requests: list[tuple[str, str]] = s.requests  # REST (method, path sans /api/v10)
        self.commands: dict[str, list[dict[str, Any]]] = s.commands  # by "global"/guild id
        self._port = port
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> Self:
        """Bind ``127.0.0.1`` and start serving REST and the gateway."""
        # Discord itself takes uploads up to the guild limit (100 MiB at tier 3) plus some.
        app = web.Application(
            middlewares=[make_middleware(self.state)], client_max_size=256 * 1024 * 1024
        )
        app.router.add_get("/gateway", self.gateway.handle)
        MessageRoutes(self.state, self.gateway).register(app.router)
        ReactionRoutes(self.state, self.gateway).register(app.router)
        MiscRoutes(self.state, self.gateway).register(app.router)
        CommandRoutes(self.state).register(app.router)
        InteractionRoutes(self.state, self.gateway).register(app.router)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self._port)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = self.state.base_url = f"http://127.0.0.1:{port}"
        self.gateway.url = self.gateway_url
        return self

    async def close(self) -> None:
        """Close every gateway connection, then stop the server."""
        if self._runner is None:
            return
        await self.gateway.close_all(1001)
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def api_url(self) -> str:
        """Value for ``discord.http.Route.BASE``, e.g. ``http://127.0.0.1:PORT/api/v10``."""
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """Value for ``DiscordWebSocket.DEFAULT_GATEWAY``, e.g. ``ws://127.0.0.1:PORT/gateway``."""
        return self.base_url.replace("http://", "ws://", 1) + "/gateway"

    @property
    def premium_tier(self) -> int:
        """The guild's current boost tier."""
        return self.state.premium_tier

    @property
    def filesize_limit(self) -> int:
        """Per-file upload limit in bytes for the current tier (413 above it)."""
        return self.state.filesize_limit
