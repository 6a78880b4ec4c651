"""Refusing URLs whose host is, or resolves to, a non-public address.

Used before a job is accepted (for a quick, clear answer) and again inside the
download process at connect time (see ``boss_bot.downloaders.libraries.guard``), so that
redirects and DNS rebinding cannot reach an internal address either.
"""

import asyncio
import ipaddress
import re
import socket

from boss_bot.errors import BlockedAddressError, InvalidURLError, RefusedError
from boss_bot.errors.kinds import MESSAGES, FailureKind

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

NO_SUCH_NAME = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052: the IPv4 address is the last 32 bits
NEVER_PUBLIC = (
    ipaddress.IPv6Network("::/96"),  # IPv4-compatible (deprecated): reaches the IPv4 inside
    ipaddress.IPv6Network("64:ff9b:1::/48"),  # RFC 8215 local-use NAT64: any IPv4, private too
    ipaddress.IPv6Network("fec0::/10"),  # site-local (deprecated, still routed by some stacks)
)


def _wrapped_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries to (mapped, NAT64, 6to4, Teredo), if any."""
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    inner = address.ipv4_mapped or address.sixtofour
    if inner is None and address.teredo is not None:
        inner = address.teredo[1]
    return inner


def is_public(address: IPAddress) -> bool:
    """Return True when ``address`` is a public unicast address.

    IPv4-mapped, NAT64 and 6to4/Teredo-wrapped IPv6 addresses are judged by the IPv4
    address inside them; IPv4-compatible, local-use NAT64 and site-local ones never pass.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if any(address in network for network in NEVER_PUBLIC):
            return False
        inner = _wrapped_ipv4(address)
        if inner is not None:
            return is_public(inner)
    return address.is_global and not address.is_multicast


def parse_literal(host: str) -> IPAddress | None:
    """Return the address if ``host`` is an IP literal in any spelling, else None.

    ``2130706433``, ``0x7f000001`` and ``127.1`` all mean 127.0.0.1 to the C
    resolver, so they are decoded the same way here.
    """
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


async def resolve_public(host: str, port: int, *, allow_private: bool = False) -> list[str]:
    """Resolve ``host`` and refuse it unless every address is public.

    Args:
        host: Host name or literal.
        port: Port, passed to the resolver.
        allow_private: Skip the check, and the look-up (tests, home labs).

    Returns:
        The resolved addresses (none when the check is skipped).

    Raises:
        BlockedAddressError: Some address is loopback, private, link-local, etc.
        InvalidURLError: No such name (``NO_SUCH_SITE``'s message).
        RefusedError: The resolver failed for now (try again in a minute).
    """
    if allow_private:
        return []
    literal = parse_literal(host)
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    else:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise _unresolved(host, exc) from None
        except UnicodeError:
            raise InvalidURLError("That link has no valid host name.") from None
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    if not all(is_public(a) for a in addresses):
        raise BlockedAddressError(
            "That link points at a private or internal address, which I won't fetch."
        )
    return [str(a) for a in addresses]


def _unresolved(host: str, error: socket.gaierror) -> InvalidURLError | RefusedError:
    """No such site for a name that does not exist; try again when the resolver failed."""
    shown = host if re.fullmatch(r"[\w.-]+", host) else "that site"  # no markdown from a link
    if error.errno in NO_SUCH_NAME:
        return InvalidURLError(MESSAGES[FailureKind.NO_SUCH_SITE].format(site=shown))
    return RefusedError(
        f"I couldn't look up {shown} just now (the name server did not answer). "
        "Try again in a minute."
    )
