"""``bossbotctl selftest``'s report: a row per item, the hint for each failure, the table."""

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from boss_bot.errors import DownloadFailedError, FailureKind, UserFacingError

_COOKIES = "needs a login: add cookies for {site} (`bossbotctl cookies import`)"
_UPGRADE = "the site may have changed: `bossbotctl upgrade`, then restart"
_GONE = "the item is gone: replace it in the list with another small public post"
_WAIT = "the site is pushing back: try later, or add cookies for {site}"
_NETWORK = "check this machine's internet connection (and DNS), then try again"

HINTS: dict[FailureKind, str] = {
    FailureKind.LOGIN_REQUIRED: _COOKIES,
    FailureKind.PRIVATE: _COOKIES,
    FailureKind.AGE_RESTRICTED: _COOKIES,
    FailureKind.EXTRACTOR_BROKEN: _UPGRADE,
    FailureKind.UNSUPPORTED: _UPGRADE,
    FailureKind.NO_MEDIA: _UPGRADE,
    FailureKind.NOT_MEDIA: _UPGRADE,
    FailureKind.NOT_FOUND: _GONE,
    FailureKind.REMOVED: _GONE,
    FailureKind.RATE_LIMITED: _WAIT,
    FailureKind.CHALLENGE: _WAIT,
    FailureKind.FORBIDDEN: _WAIT,
    FailureKind.NETWORK: _NETWORK,
    FailureKind.NO_SUCH_SITE: _NETWORK,
    FailureKind.SERVER_ERROR: "the site has trouble: try again later",
    FailureKind.TIMEOUT: "slow site or connection: try again, or raise BOSS_BOT_DOWNLOAD_TIMEOUT",
    FailureKind.GEO_BLOCKED: "not available from this machine's country",
    FailureKind.TOO_LARGE: "pick a smaller item, or raise BOSS_BOT_MAX_DOWNLOAD_MB",
    FailureKind.TOO_MANY_FILES: "pick a smaller item, or raise BOSS_BOT_MAX_FILES_PER_JOB",
}


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the report; ``hint`` is empty when the item worked."""

    platform: str
    downloader: str
    result: str
    size: str
    seconds: float
    hint: str = ""

    @property
    def ok(self) -> bool:
        """Whether the item was downloaded."""
        return self.result == "ok"


def failure_row(exc: DownloadFailedError | UserFacingError) -> tuple[str, str]:
    """The result and the hint for a failed item."""
    if isinstance(exc, UserFacingError):
        return str(exc), "check the link in the list"
    if exc.kind is FailureKind.UNKNOWN:
        return f"failed: {exc.detail or exc.kind.value}"[:300], "see the log"
    hint = HINTS.get(exc.kind, "see the log").format(site=exc.site or "the site")
    return exc.user_message(ref="selftest"), hint


def print_report(rows: Sequence[Row], console: Console) -> int:
    """Print the table and a summary; return the number of items that failed."""
    table = Table("platform", "downloader", "result", "size", "seconds", "hint")
    for row in rows:
        cells = (row.platform, row.downloader, row.result, row.size, f"{row.seconds:.1f}")
        table.add_row(*map(escape, (*cells, row.hint)))
    console.print(table)
    failed = sum(not row.ok for row in rows)
    console.print(f"{len(rows) - failed} of {len(rows)} ok.")
    return failed
