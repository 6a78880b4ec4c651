"""The sentence that says which downloaders a job tried and why each failed, briefly.

"Tried gallery-dl (no media found) and yt-dlp (needs a login)." ends a failure's
message when more than one downloader was tried (see ``downloaders.fallback``).
"""

from boss_bot.errors.kinds import FailureKind

BRIEF: dict[FailureKind, str] = {
    FailureKind.NO_MEDIA: "no media found",
    FailureKind.UNSUPPORTED: "doesn't handle that link",
    FailureKind.NOT_MEDIA: "got a web page, not media",
    FailureKind.LOGIN_REQUIRED: "needs a login",
    FailureKind.PRIVATE: "private or needs a login",
    FailureKind.AGE_RESTRICTED: "age-restricted",
    FailureKind.FORBIDDEN: "access refused",
    FailureKind.EXTRACTOR_BROKEN: "couldn't read the page",
    FailureKind.NETWORK: "couldn't connect",
    FailureKind.SERVER_ERROR: "server error",
    FailureKind.RATE_LIMITED: "rate limited",
}


def brief(kind: FailureKind) -> str:
    """A few words for ``kind``: ``BRIEF``'s, else its name in words ("not found")."""
    return BRIEF.get(kind) or kind.value.replace("_", " ")


def tried_sentence(tried: tuple[tuple[str, FailureKind], ...]) -> str:
    """``(("gallery-dl", NO_MEDIA), ("yt-dlp", LOGIN_REQUIRED))`` → "Tried gallery-dl (…) and …"."""
    parts = [f"{name} ({brief(kind)})" for name, kind in tried]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Tried {listed}."
