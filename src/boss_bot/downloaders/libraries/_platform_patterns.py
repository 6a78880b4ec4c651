"""Message patterns for the platforms' common failures, checked before ``classify``'s own.

Each is a message the libraries really write (their sources say so):

- no such host: the resolver's "Name or service not known" (glibc), "nodename nor
  servname provided" (macOS); not "Temporary failure in name resolution", which is
  network trouble and retried. A failed look-up also explains the errors after it;
- rate limits said in words: gallery-dl's "Rate limit exceeded" (X), "API rate limit
  exceeded" (Reddit);
- a post without media: yt-dlp's "No video could be found in this tweet", "There is
  no video in this post" (Instagram), "No media found" (Reddit), "… is not a video"
  (Imgur); gallery-dl's "Missing media in post";
- a removed post or account: gallery-dl's "Tweet unavailable ('Suspended')",
  "Suspended User" (Reddit);
- an address the site blocks: "Your IP address is blocked from accessing this post"
  (TikTok), "… unable to access the Reddit API";
- an extractor broken by a site change: yt-dlp's unexpected ``ExtractorError``
  ("Unable to extract …; please report this issue …", "An extractor error has
  occurred") and gallery-dl's unexpected exception ("An unexpected error occurred:
  KeyError - … report this issue on …"). Its other words ("login") mean nothing then.
"""

import re

from boss_bot.errors import FailureKind


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


PATTERNS: list[tuple[re.Pattern[str], FailureKind]] = [
    (
        _words(r"name or service not known|nodename nor servname|no address associated with host"),
        FailureKind.NO_SUCH_SITE,
    ),
    (_words(r"rate.?limit exceeded|rate.?limited"), FailureKind.RATE_LIMITED),
    (
        _words(r"no video could be found|no video in this post|no media found|is not a video"),
        FailureKind.NO_MEDIA,
    ),
    (_words(r"missing media in post"), FailureKind.NO_MEDIA),
    (
        _words(r"tweet unavailable|suspended user|account (is|has been) suspended"),
        FailureKind.REMOVED,
    ),
    (_words(r"your ip address is (blocked|unable)"), FailureKind.FORBIDDEN),
    (
        _words(
            r"please report this issue|report this issue on|an unexpected error occurred"
            r"|unable to extract|an extractor error has occurred"
        ),
        FailureKind.EXTRACTOR_BROKEN,
    ),
]
