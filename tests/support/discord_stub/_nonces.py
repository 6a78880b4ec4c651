"""Discord's ``enforce_nonce``: a message sent again within a few minutes is the first one."""

from __future__ import annotations

import time
from typing import Any

from ._models import StubMessage


class Nonces:
    """The nonces of recent messages, by author, as Discord checks them.

    Discord: "If true [``enforce_nonce``] and nonce is present, it will be checked for
    uniqueness in the past few minutes. If another message was created by the same
    author with the same nonce, that message will be returned and no new message will
    be created." Without ``enforce_nonce`` the nonce is only echoed. A repeat of a
    message deleted since is a 404 (discord.py documents ``NotFound`` for it).

    Args:
        window: Seconds a nonce is remembered ("a few minutes").
    """

    def __init__(self, window: float) -> None:
        self.window = window
        self._made: dict[tuple[int, str], tuple[float, StubMessage]] = {}

    def earlier(self, author_id: int, payload: dict[str, Any]) -> StubMessage | None:
        """The message this author made with this enforced nonce within the window."""
        nonce = payload.get("nonce")
        if nonce is None or not payload.get("enforce_nonce"):
            return None
        found = self._made.get((author_id, str(nonce)))
        if found is None or time.monotonic() - found[0] > self.window:
            return None
        return found[1]

    def remember(self, message: StubMessage, payload: dict[str, Any]) -> None:
        """Keep the nonce ``message`` was made with (enforced or not), if any."""
        if (nonce := payload.get("nonce")) is not None:
            self._made[(message.author_id, str(nonce))] = (time.monotonic(), message)
