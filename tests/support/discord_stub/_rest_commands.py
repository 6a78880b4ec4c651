"""REST routes for application commands: the bulk overwrite and reading them back."""

from __future__ import annotations

from aiohttp import web

from ._models import new_snowflake
from ._state import StubState
from ._web import API_PREFIX, json_response, read_body


class CommandRoutes:
    """Global and guild application commands, kept per scope as the bot last PUT them.

    Args:
        state: Shared stub state.
    """

    def __init__(self, state: StubState) -> None:
        self.state = state

    def register(self, router: web.UrlDispatcher) -> None:
        """Add the routes to ``router``."""
        for path in ("/applications/{aid}/commands", "/applications/{aid}/guilds/{gid}/commands"):
            router.add_get(API_PREFIX + path, self.get_commands)
            router.add_put(API_PREFIX + path, self.put_commands)

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
            "application_id": str(self.state.bot_user_id),
            "version": str(new_snowflake()),
            "description": "",
            "type": 1,
        }
        commands = [
            {"id": str(new_snowflake()), **extra, **({"guild_id": gid} if gid else {}), **cmd}
            for cmd in (body if isinstance(body, list) else [])
        ]
        self.state.commands[self._scope(request)] = commands
        return json_response(commands)
