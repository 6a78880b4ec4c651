"""A login wall: what yt-dlp and gallery-dl say when a site wants a signed-in account.

yt-dlp's ``raise_login_required`` and its sites' own checks end their messages with
"Use --cookies…" ("This video is only available for registered users", "Sign in to
confirm you're not a bot", "login required"); gallery-dl raises ``AuthRequired`` and its
siblings (status bit 16, see ``classify``). Cookies from a signed-in browser fix each of
these, so they get the message saying so. A bare 403 stays "forbidden": sites answer it
to downloaders they block, too; only with words like these is it a login wall.
"""

import re

from boss_bot.errors import FailureKind

LOGIN_WALL = re.compile(
    r"--cookies|registered users|log ?in (is )?required|requires? (a )?log ?in"
    r"|sign in to confirm you|(log ?in|sign in) to (view|see|access|watch|continue)"
    r"|account credentials|cookies? (is |are )?(needed|required)|authentication required",
    re.I,
)


def login_wall(kind: FailureKind, text: str) -> FailureKind:
    """``kind``, unless it is a 403 whose ``text`` says a login would get past it."""
    if kind is FailureKind.FORBIDDEN and LOGIN_WALL.search(text):
        return FailureKind.LOGIN_REQUIRED
    return kind
