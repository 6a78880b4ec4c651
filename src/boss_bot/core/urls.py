"""Validating what users type as a URL, and telling which platform it belongs to.

Pure functions: no network, no Discord. Address checks live in ``addresses``.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from boss_bot.errors import InvalidURLError, UnsupportedSiteError

MAX_URL_LENGTH = 2048
_SCHEME = re.compile(r"https?://", re.IGNORECASE)


class Platform(StrEnum):
    """The kinds of site the bot routes differently."""

    TWITTER = "twitter"
    REDDIT = "reddit"
    GENERIC = "generic"


HOSTS: dict[Platform, tuple[str, ...]] = {  # the host names of each platform
    Platform.TWITTER: (
        "twitter.com",
        "x.com",
        "fxtwitter.com",
        "vxtwitter.com",
        "fixupx.com",
        "fixvx.com",
        "twittpr.com",
        "nitter.net",
    ),
    Platform.REDDIT: ("reddit.com", "redd.it", "redditmedia.com", "reddit.app.link"),
}


@dataclass(frozen=True, slots=True)
class CheckedURL:
    """A URL that passed the syntactic checks.

    Attributes:
        url: The URL, normalised (scheme and host lower-case).
        host: The host name or address literal, lower-case, without brackets.
        port: The explicit or default port.
        platform: The platform the host belongs to.
    """

    url: str
    host: str
    port: int
    platform: Platform


def platform_of(host: str) -> Platform:
    """Return the platform a host name belongs to (sub-domains included)."""
    for platform, domains in HOSTS.items():
        if any(host == d or host.endswith("." + d) for d in domains):
            return platform
    return Platform.GENERIC


def check_url(text: str, allowed: frozenset[Platform] | None = None) -> CheckedURL:
    """Validate one user-supplied URL.

    Args:
        text: What the user typed (one URL, optionally in ``<...>``).
        allowed: Platforms the command accepts; ``None`` accepts all.

    Returns:
        The checked URL.

    Raises:
        InvalidURLError: Not exactly one http(s) URL, or credentials in it.
        UnsupportedSiteError: A platform the command does not accept.
    """
    text = text.strip().removeprefix("<").removesuffix(">")
    if not text or len(text) > MAX_URL_LENGTH or any(c.isspace() for c in text):
        raise InvalidURLError("Please give exactly one link, like `https://x.com/user/status/1`.")
    if len(_SCHEME.findall(text)) > 1:
        raise InvalidURLError("Please give one link at a time.")
    try:
        parts = urlsplit(text)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise InvalidURLError("That link is malformed.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidURLError("Only http:// and https:// links are supported.")
    if parts.username is not None or parts.password is not None:
        raise InvalidURLError("Links with a user name or password in them are not accepted.")
    host = (parts.hostname or "").rstrip(".")
    if not host or any(ord(c) < 33 or c in "\\%" for c in host):
        raise InvalidURLError("That link has no valid host name.")
    platform = platform_of(host)
    if allowed is not None and platform not in allowed:
        names = ", ".join(sorted(p.value for p in allowed))
        raise UnsupportedSiteError(f"This command only takes {names} links.")
    netloc = parts.netloc.rsplit("@", 1)[-1]
    url = parts._replace(scheme=parts.scheme.lower(), netloc=netloc.lower()).geturl()
    return CheckedURL(url=url, host=host, port=port, platform=platform)
