"""Property-based fuzzing of URL validation (hypothesis): thousands of generated inputs.

No input may raise anything but a user-facing refusal, an accepted URL is always a
plain http(s) link to a host, and nothing is looked up for real: name lookups go to
a fake resolver that answers with an internal address, so no name can ever pass.
"""

import socket

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boss_bot.core.addresses import is_public, parse_literal
from boss_bot.core.jobs.fetching import validate
from boss_bot.core.urls import check_url
from boss_bot.errors import UserFacingError

pytestmark = pytest.mark.slow  # hypothesis, thousands of URLs

HOSTS = st.one_of(
    st.ip_addresses().map(lambda ip: f"[{ip}]" if ip.version == 6 else str(ip)),
    st.from_regex(r"[a-z0-9-]{1,12}(\.[a-z0-9-]{1,8}){0,3}\.?", fullmatch=True),
    st.sampled_from(
        ["localhost", "2130706433", "0x7f000001", "127.1", "0177.1", "[::ffff:7f00:1]"]
    ),
)
URLISH = st.builds(
    lambda scheme, auth, host, port, path: f"{scheme}{auth}{host}{port}{path}",
    st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "file://", "", "//", "-"]),
    st.sampled_from(["", "user@", "u:p@", "@"]),
    HOSTS,
    st.sampled_from(["", ":80", ":0", ":65536", ":-1", ":8080"]),
    st.text(max_size=30),
)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(max_size=200), URLISH))
def test_check_url_accepts_only_plain_links(text: str) -> None:
    """Refusals are user-facing; what passes is one http(s) URL with a host, no credentials."""
    try:
        checked = check_url(text)
    except UserFacingError:
        return
    assert checked.url.startswith(("http://", "https://"))
    assert checked.host
    assert "@" not in checked.url.split("/")[2]
    assert not any(ch.isspace() for ch in checked.url)


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every name lookup answers 10.0.0.1 (internal), recorded, never leaving the process."""
    asked: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", port or 0))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


@settings(
    max_examples=800, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(URLISH)
async def test_only_public_ip_literals_pass_validation(fake_dns: list[str], text: str) -> None:
    """With names resolving inside, only links to public IP literals get through."""
    before = len(fake_dns)
    try:
        checked = await validate(text, allow_private=False)
    except UserFacingError:
        return
    literal = parse_literal(checked.host)  # C-resolver spellings too: "1.0" is 1.0.0.0
    assert literal is not None
    assert is_public(literal)
    assert len(fake_dns) == before  # a literal is never looked up
