"""Refusing non-public addresses, in every spelling, without touching the network."""

import ipaddress
import socket

import pytest

from boss_bot.core.addresses import is_public, parse_literal, resolve_public
from boss_bot.errors import BlockedAddressError, InvalidURLError, RefusedError


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "2130706433",
        "0x7f000001",
        "127.1",
        "0177.0.0.1",
        "[::1]",
        "::1",
        "::ffff:127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "2002:7f00:1::",
        "::ffff:a9fe:a9fe",
    ],
)
async def test_non_public_literals_are_refused(host: str) -> None:
    """Loopback, private, link-local, CGNAT, multicast and reserved addresses are refused."""
    with pytest.raises(BlockedAddressError):
        await resolve_public(host, 80)


@pytest.mark.parametrize("host", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
async def test_public_literals_pass_without_a_lookup(host: str) -> None:
    """A public IP literal is accepted as it is."""
    assert await resolve_public(host, 443) == [str(ipaddress.ip_address(host))]


def test_alternative_ipv4_spellings_are_decoded() -> None:
    """Integer, hex and short forms mean what the C resolver says they mean."""
    assert str(parse_literal("2130706433")) == "127.0.0.1"
    assert str(parse_literal("0x7f000001")) == "127.0.0.1"
    assert str(parse_literal("127.1")) == "127.0.0.1"
    assert parse_literal("example.com") is None


def test_public_check() -> None:
    """Public unicast is public; wrapped loopback is not."""
    assert is_public(ipaddress.ip_address("8.8.8.8"))
    assert not is_public(ipaddress.ip_address("::ffff:10.0.0.1"))


def _resolver(answers: dict[str, list[str]]):
    def fake(host, port, *args, **kwargs):
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in answers[host]]

    return fake


async def test_names_resolving_to_private_addresses_are_refused(monkeypatch) -> None:
    """A name is refused if any of its addresses is internal (test names map to fakes)."""
    fake = _resolver({"intranet.test": ["93.184.215.14", "10.1.2.3"], "ok.test": ["8.8.4.4"]})
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(BlockedAddressError):
        await resolve_public("intranet.test", 80)
    assert await resolve_public("ok.test", 80) == ["8.8.4.4"]
    with pytest.raises(InvalidURLError, match=r"There is no site called missing\.test"):
        await resolve_public("missing.test", 80)


async def test_a_resolver_that_fails_for_now_is_not_no_such_site(monkeypatch) -> None:
    """EAI_AGAIN (no answer from the name server) asks to try again; it does not deny the site."""

    def again(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", again)
    with pytest.raises(RefusedError, match="Try again in a minute") as refused:
        await resolve_public("x.com", 443)
    assert "no site" not in str(refused.value)


async def test_allow_private_skips_the_check_and_the_lookup(monkeypatch) -> None:
    """With private URLs allowed, nothing is resolved at all."""
    monkeypatch.setattr(socket, "getaddrinfo", _resolver({}))
    assert await resolve_public("anything.test", 80, allow_private=True) == []
    assert await resolve_public("127.0.0.1", 80, allow_private=True) == []


@pytest.mark.parametrize(
    "literal",
    [
        *("64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::a00:1"),
        *("::7f00:1", "::a00:1", "::808:808", "fec0::1", "feff::1"),
    ],
)
def test_ipv6_wrappers_and_site_local_are_not_public(literal: str) -> None:
    """NAT64 is judged by the IPv4 inside; IPv4-compatible and site-local are refused."""
    assert not is_public(ipaddress.ip_address(literal))


def test_nat64_of_a_public_address_is_public() -> None:
    """The well-known NAT64 prefix around a public IPv4 address stays reachable."""
    assert is_public(ipaddress.ip_address("64:ff9b::808:808"))
