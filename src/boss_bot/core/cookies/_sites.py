"""What a cookies file holds, per site: how many cookies, and when the first one expires.

Cookies are grouped by registrable domain (``www.x.com`` and ``.x.com`` are ``x.com``),
told by a rule of thumb rather than the public suffix list: the last two labels, three
under a two-letter country's ``co``/``com``/… (``bbc.co.uk``). Nothing here shows a
cookie's name or value.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.cookiejar import Cookie

SOON = timedelta(days=7)
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "edu", "ac", "ne", "or", "go"})


@dataclass(frozen=True, slots=True)
class Site:
    """The cookies of one site.

    Attributes:
        name: The registrable domain, e.g. ``x.com``.
        cookies: How many cookies the file holds for it.
        earliest: The earliest expiry; None when all are session cookies.
    """

    name: str
    cookies: int
    earliest: datetime | None

    def expiring(self, now: datetime) -> bool:
        """Whether a cookie has expired, or expires within ``SOON`` of ``now``."""
        return self.earliest is not None and self.earliest < now + SOON

    def describe(self, now: datetime) -> str:
        """One line: name, how many cookies, the earliest expiry and how far off it is."""
        count = f"{self.cookies} cookie{'s' if self.cookies != 1 else ''}"
        if self.earliest is None:
            return f"{self.name}: {count}, session only (no expiry date)"
        day = f"{self.earliest:%Y-%m-%d}"
        if self.earliest < now:
            return f"{self.name}: {count}, one expired {day}"
        days = (self.earliest - now).days
        when = f"in {days} day{'s' if days != 1 else ''}" if days else "within a day"
        return f"{self.name}: {count}, earliest expiry {day} ({when})"


def registrable(domain: str) -> str:
    """The site a cookie domain belongs to (``.www.x.com`` → ``x.com``)."""
    host = domain.strip(".").lower()
    labels = host.split(".")
    if len(labels) <= 2 or host.replace(".", "").isdigit():  # a short name, an IPv4 address
        return host
    keep = 3 if labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def sites(cookies: Iterable[Cookie]) -> list[Site]:
    """The sites of ``cookies``, by name."""
    groups: dict[str, list[Cookie]] = {}
    for cookie in cookies:
        groups.setdefault(registrable(cookie.domain), []).append(cookie)
    found = []
    for name, members in sorted(groups.items()):
        expiries = [cookie.expires for cookie in members if cookie.expires]
        earliest = datetime.fromtimestamp(min(expiries), UTC) if expiries else None
        found.append(Site(name, len(members), earliest))
    return found
