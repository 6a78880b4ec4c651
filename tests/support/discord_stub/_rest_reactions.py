"""REST routes for the bot's reactions and typing indicator in the stub's channel."""

from __future__ import annotations

from aiohttp import web

from . import _message_payloads as M
from ._gateway import Gateway
from ._message_ops import lookup
from ._rest_messages import CHANNEL, REACTION
from ._state import StubState
from ._web import error, no_content


class ReactionRoutes:
    """``PUT``/``DELETE`` reactions and ``POST`` typing, echoing events like Discord."""

    def __init__(self, state: StubState, gateway: Gateway) -> None:
        self.state, self.gateway = state, gateway

    def register(self, router: web.UrlDispatcher) -> None:
        """Add the routes to ``router``."""
        router.add_put(REACTION, self.react)
        router.add_delete(REACTION, self.react)
        router.add_post(CHANNEL + "/typing", self.typing)

    async def react(self, request: web.Request) -> web.Response:
        """PUT/DELETE ``.../reactions/{emoji}/@me``, or DELETE another user's reaction."""
        msg = lookup(self.state, request)
        if isinstance(msg, web.Response):
            return msg
        emoji, who = request.match_info["emoji"], request.match_info["who"]
        adding = request.method == "PUT"
        if who != "@me" and adding:
            return error(404, 0, "Unknown route")
        user_id = self.state.bot_user_id if who == "@me" else int(who)
        if who == "@me" and adding and emoji not in msg.reactions:
            msg.reactions.append(emoji)
        elif who == "@me" and not adding and emoji in msg.reactions:
            msg.reactions.remove(emoji)
        kind = "bot_reaction" if adding else "bot_unreaction"
        self.state.record(kind, message_id=msg.id, emoji=emoji, user_id=user_id)
        event = "MESSAGE_REACTION_ADD" if adding else "MESSAGE_REACTION_REMOVE"
        await self.gateway.dispatch(event, M.reaction(self.state, msg, emoji, user_id))
        return no_content()

    async def typing(self, request: web.Request) -> web.Response:
        """POST a typing indicator: 204."""
        self.state.record("typing", channel_id=int(request.match_info["cid"]))
        return no_content()
