"""Why a download failed, in terms a user can act on, and what to tell them (SPEC §5).

Each message says what happened and what the user can do next. ``{limit}`` and
``{ref}`` are filled in by ``DownloadFailedError.user_message``; ``{site}`` is the link's
host name (``that site`` when unknown).
"""

from enum import StrEnum


class FailureKind(StrEnum):
    """Why a download failed."""

    NOT_FOUND = "not_found"
    REMOVED = "removed"
    PRIVATE = "private"
    LOGIN_REQUIRED = "login_required"
    AGE_RESTRICTED = "age_restricted"
    GEO_BLOCKED = "geo_blocked"
    FORBIDDEN = "forbidden"
    CHALLENGE = "challenge"
    REDIRECTS = "redirects"
    UNSUPPORTED = "unsupported"
    NOT_MEDIA = "not_media"
    NO_MEDIA = "no_media"
    NO_SUCH_SITE = "no_such_site"
    NETWORK = "network"
    SERVER_ERROR = "server_error"
    RATE_LIMITED = "rate_limited"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    TOO_MANY_FILES = "too_many_files"
    BLOCKED = "blocked"
    NO_PERMISSION = "no_permission"
    UPLOAD_REJECTED = "upload_rejected"
    CANCELLED = "cancelled"
    EXTRACTOR_BROKEN = "extractor_broken"
    UNKNOWN = "unknown"

    @property
    def transient(self) -> bool:
        """Whether trying again shortly may work (network trouble, 5xx, rate limits)."""
        return self in TRANSIENT


TRANSIENT = frozenset({FailureKind.NETWORK, FailureKind.SERVER_ERROR, FailureKind.RATE_LIMITED})

MESSAGES: dict[FailureKind, str] = {
    FailureKind.NOT_FOUND: "The link answered 'not found'. "
    "Check that the post still exists and that the link is complete.",
    FailureKind.REMOVED: "That post was removed or deleted, so there is nothing left to download.",
    FailureKind.PRIVATE: "That content is private or needs a login, which I don't have. "
    "A public link will work.",
    FailureKind.LOGIN_REQUIRED: "That needs a signed-in account on {site}. An operator can "
    "add cookies for {site}: see the operator guide (Cookies).",
    FailureKind.AGE_RESTRICTED: "That content is age-restricted: it needs a signed-in adult "
    "account on {site}. An operator can add cookies for {site}: see the operator guide (Cookies).",
    FailureKind.GEO_BLOCKED: "That content isn't available in the country I run from "
    "(geo-blocked or withheld).",
    FailureKind.FORBIDDEN: "The site refused access (403). It may block downloaders; "
    "a link to the original post sometimes works.",
    FailureKind.CHALLENGE: "The site asked for a human check (a captcha), which I can't pass. "
    "Try again later; cookies for {site} often help (an operator's job).",
    FailureKind.REDIRECTS: "The link kept redirecting and never reached any media.",
    FailureKind.UNSUPPORTED: "I couldn't find any media I know how to download at that link.",
    FailureKind.NOT_MEDIA: "The link served no picture, video or audio{limit}.",
    FailureKind.NO_MEDIA: "The link had nothing I could download.",
    FailureKind.NO_SUCH_SITE: "There is no site called {site}: its name doesn't resolve. "
    "Check the link for a typo.",
    FailureKind.NETWORK: "I couldn't connect to that site. It may be down; try again later.",
    FailureKind.SERVER_ERROR: "The site had a server error. Try again in a few minutes.",
    FailureKind.RATE_LIMITED: "That site is rate limiting us. Please try again in a few minutes.",
    FailureKind.TIMEOUT: "The download took longer than the {limit} allowed and was stopped.",
    FailureKind.TOO_LARGE: "The download is larger than the {limit} a job may fetch.",
    FailureKind.TOO_MANY_FILES: "The link holds more than the {limit} files one job may take.",
    FailureKind.BLOCKED: "That link points at a private or internal address, which I won't fetch.",
    FailureKind.NO_PERMISSION: "I can't post files here: I need the Attach Files permission.",
    FailureKind.UPLOAD_REJECTED: "Discord refused the file as too large for this server.",
    FailureKind.CANCELLED: "The download was cancelled.",
    FailureKind.EXTRACTOR_BROKEN: "The downloader could not read {site}'s page: the site "
    "probably changed. An operator can run `bossbotctl upgrade`, then `$restart`.",
    FailureKind.UNKNOWN: "Something went wrong (ref `{ref}`). The bot's operator can look it up.",
}

SHORT: dict[FailureKind, str] = {  # for "trying again" notes
    FailureKind.NETWORK: "couldn't connect to the site",
    FailureKind.SERVER_ERROR: "the site had a server error",
    FailureKind.RATE_LIMITED: "the site is rate limiting us",
}
