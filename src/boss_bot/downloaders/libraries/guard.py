"""Connect-time address guard, installed inside download child processes only.

Every connection a downloader makes resolves its host through
``socket.getaddrinfo``; the guard drops non-public answers, so redirects to, or DNS
answers for, internal addresses cannot be reached. The bot's own process is not
affected (its Discord connection is not guarded).
"""

import ipaddress
import socket
from typing import Any

from boss_bot.core.addresses import is_public

BLOCKED_MARKER = "boss-bot refused a non-public address"


class BlockedConnectionError(ConnectionRefusedError):
    """A connection to a non-public address was refused by the guard."""


def install() -> None:
    """Replace ``socket.getaddrinfo`` with a version that only returns public addresses."""
    original = socket.getaddrinfo

    def guarded(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        infos = original(host, port, *args, **kwargs)
        public = [
            info
            for info in infos
            if is_public(ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]))
        ]
        if not public:
            raise BlockedConnectionError(f"{BLOCKED_MARKER}: {host}")
        return public

    socket.getaddrinfo = guarded
