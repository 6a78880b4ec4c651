"""A remote job's state as JSON in saq's job metadata and result, and back.

The worker writes its job's latest state (``item``), progress and last failed try into
the job's ``meta``; the gateway reads them to save and show the job. Only plain JSON
crosses hosts: never a path (a result's files are sent as names and sizes, ``results``).
"""

from dataclasses import dataclass
from typing import Any

from boss_bot.core.items import DownloadItem, ProgressEvent
from boss_bot.core.storage.job_store import from_json, to_json
from boss_bot.errors import DownloadFailedError, FailureKind


@dataclass(frozen=True, slots=True)
class Retry:
    """A failed try the member should see: which, of how many, and the next one's delay."""

    kind: FailureKind
    tried: int
    tries: int
    delay: float
    limit: str = ""
    site: str = ""

    def failure(self) -> DownloadFailedError:
        """The failure as the sink shows it."""
        return DownloadFailedError(self.kind, limit=self.limit, site=self.site)


def retry_of(failure: DownloadFailedError, tried: int, tries: int, delay: float) -> Retry:
    """What the gateway needs to show a failed try (no detail: that stays in the log)."""
    return Retry(failure.kind, tried, tries, delay, failure.limit, failure.site)


def encode_item(item: DownloadItem) -> str:
    """A job as the text the gateway's store keeps."""
    return to_json(item)


def decode_item(text: object) -> DownloadItem | None:
    """A job written by ``encode_item``; None if ``text`` is not one."""
    try:
        return from_json(text) if isinstance(text, str) else None
    except (ValueError, KeyError, TypeError):
        return None


def encode_progress(event: ProgressEvent) -> list[Any]:
    """A progress report as three numbers."""
    return [event.downloaded, event.total, event.speed]


def decode_progress(raw: object) -> ProgressEvent | None:
    """A report written by ``encode_progress``; None if ``raw`` is not one."""
    if not isinstance(raw, list) or len(raw) != 3 or not isinstance(raw[0], int):
        return None
    total, speed = raw[1], raw[2]
    return ProgressEvent(
        raw[0], total if isinstance(total, int) else None, float(speed) if speed else None
    )


def encode_retry(retry: Retry) -> dict[str, Any]:
    """A failed try as a JSON object."""
    return {
        "kind": retry.kind.value,
        "tried": retry.tried,
        "tries": retry.tries,
        "delay": retry.delay,
        "limit": retry.limit,
        "site": retry.site,
    }


def decode_retry(raw: object) -> Retry | None:
    """A failed try written by ``encode_retry``; None if ``raw`` is not one."""
    if not isinstance(raw, dict):
        return None
    try:
        kind, limit, site = FailureKind(raw["kind"]), str(raw["limit"]), str(raw["site"])
        return Retry(kind, int(raw["tried"]), int(raw["tries"]), float(raw["delay"]), limit, site)
    except (KeyError, ValueError, TypeError):
        return None
