"""One exception tree for the whole bot.

``UserFacingError`` subclasses carry a message that is safe to show anyone: no paths,
hosts of this machine, tokens or tracebacks. Everything else is for the log.
"""

from boss_bot.errors.kinds import MESSAGES, FailureKind
from boss_bot.errors.tried import tried_sentence

__all__ = [
    "BlockedAddressError",
    "BossBotError",
    "ConfigError",
    "DownloadFailedError",
    "FailureKind",
    "InvalidURLError",
    "QueueFullError",
    "RefusedError",
    "SlowDownError",
    "UnsupportedSiteError",
    "UserFacingError",
]


class BossBotError(Exception):
    """Base of every error boss-bot raises on purpose."""


class ConfigError(BossBotError):
    """Bad or missing configuration, reported at start-up as one line."""


class UserFacingError(BossBotError):
    """An error whose ``str()`` is safe and useful to show the user."""


class InvalidURLError(UserFacingError):
    """The text is not one usable http(s) URL."""


class UnsupportedSiteError(UserFacingError):
    """The URL is fine, but this command does not handle that site."""


class BlockedAddressError(UserFacingError):
    """The URL points at a private, loopback or otherwise internal address."""


class QueueFullError(UserFacingError):
    """The queue holds as many jobs as it may."""


class RefusedError(UserFacingError):
    """No new jobs for now: low disk, temp space full, or the guild's daily quota used."""


class SlowDownError(UserFacingError):
    """The member used their downloads for this minute; ``retry_after`` says when to try again."""

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class DownloadFailedError(BossBotError):
    """A download did not produce media; ``kind`` says why.

    Attributes:
        kind: The category of failure, which picks the user's message.
        detail: Technical details for the log only.
        limit: A human-readable limit for TIMEOUT/TOO_LARGE/TOO_MANY_FILES messages.
        site: The link's host name, for messages that name the site (set by the fetcher).
        tries: How many times the download was tried (set by the retry loop).
        tried: Each downloader tried, in order, with why it failed (set by the fallback).
    """

    def __init__(
        self, kind: FailureKind, detail: str = "", *, limit: str = "", site: str = ""
    ) -> None:
        super().__init__(f"{kind.value}: {detail}" if detail else kind.value)
        self.kind = kind
        self.detail = detail
        self.limit = limit
        self.site = site
        self.tries = 1
        self.tried: tuple[tuple[str, FailureKind], ...] = ()

    def user_message(self, ref: str = "") -> str:
        """Return the friendly message for this failure: the downloaders and tries if several.

        Args:
            ref: A reference id the operator can find in the log (for UNKNOWN).
        """
        site = self.site or "that site"
        text = MESSAGES[self.kind].format(limit=self.limit, ref=ref, site=site)
        if len(self.tried) > 1:
            text = f"{text} {tried_sentence(self.tried)}"
        return f"{text} (Tried {self.tries} times.)" if self.tries > 1 else text
