"""One exception tree for the whole bot.

``UserFacingError`` subclasses carry a message that is safe to show anyone: no paths,
hosts of this machine, tokens or tracebacks. Everything else is for the log.
"""

from enum import StrEnum


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


class FailureKind(StrEnum):
    """Why a download failed, in terms a user can act on."""

    NOT_FOUND = "not_found"
    FORBIDDEN = "forbidden"
    UNSUPPORTED = "unsupported"
    NOT_MEDIA = "not_media"
    NO_MEDIA = "no_media"
    NETWORK = "network"
    RATE_LIMITED = "rate_limited"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    TOO_MANY_FILES = "too_many_files"
    BLOCKED = "blocked"
    NO_PERMISSION = "no_permission"
    UPLOAD_REJECTED = "upload_rejected"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


_MESSAGES: dict[FailureKind, str] = {
    FailureKind.NOT_FOUND: "The link answered 'not found' (404). Check that the post still exists.",
    FailureKind.FORBIDDEN: "The content is private, removed or needs a login, so I can't fetch it.",
    FailureKind.UNSUPPORTED: "I couldn't find any media I know how to download at that link.",
    FailureKind.NOT_MEDIA: "The link served a web page, not a media file.",
    FailureKind.NO_MEDIA: "The link had nothing I could download.",
    FailureKind.NETWORK: "I couldn't connect to that site. It may be down; try again later.",
    FailureKind.RATE_LIMITED: "That site is rate limiting us. Please try again in a few minutes.",
    FailureKind.TIMEOUT: "The download took longer than the {limit} allowed and was stopped.",
    FailureKind.TOO_LARGE: "The download is larger than the {limit} a job may fetch.",
    FailureKind.TOO_MANY_FILES: "The link holds more than the {limit} files one job may take.",
    FailureKind.BLOCKED: "That link points at a private or internal address, which I won't fetch.",
    FailureKind.NO_PERMISSION: "I can't post files here: I need the Attach Files permission.",
    FailureKind.UPLOAD_REJECTED: "Discord refused the file as too large for this server.",
    FailureKind.CANCELLED: "The download was cancelled.",
    FailureKind.UNKNOWN: "Something went wrong (ref `{ref}`). The bot's operator can look it up.",
}


class DownloadFailedError(BossBotError):
    """A download did not produce media; ``kind`` says why.

    Attributes:
        kind: The category of failure, which picks the user's message.
        detail: Technical details for the log only.
        limit: A human-readable limit for TIMEOUT/TOO_LARGE/TOO_MANY_FILES messages.
    """

    def __init__(self, kind: FailureKind, detail: str = "", *, limit: str = "") -> None:
        super().__init__(f"{kind.value}: {detail}" if detail else kind.value)
        self.kind = kind
        self.detail = detail
        self.limit = limit

    def user_message(self, ref: str = "") -> str:
        """Return the friendly message for this failure.

        Args:
            ref: A reference id the operator can find in the log (for UNKNOWN).
        """
        return _MESSAGES[self.kind].format(limit=self.limit, ref=ref)
