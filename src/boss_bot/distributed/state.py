"""A remote job's state as JSON in saq's job metadata and result, and back.

The worker writes its job's latest state (``item``), progress and last failed try into
the job's ``meta``; the gateway reads them to save and show the job. Only plain JSON
crosses hosts: never a path (a result's files are sent as names and sizes).
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from boss_bot.core.items import DownloadItem, DownloadResult, ProgressEvent
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


def encode_result(result: DownloadResult) -> dict[str, Any]:
    """What the member is shown of a result: file names and sizes, what was left out."""
    return {
        "files": [path.name for path in result.files],
        "sizes": list(result.file_sizes),
        "oversized": [list(pair) for pair in result.oversized],
        "limit": result.limit,
        "elapsed": result.elapsed,
        "notes": list(result.notes),
        "downloader": result.downloader,
        "fetched_bytes": result.fetched_bytes,
    }


def decode_result(raw: object) -> DownloadResult | None:
    """A result written by ``encode_result`` (files as bare names); None if not one."""
    if not isinstance(raw, dict):
        return None
    try:
        files = tuple(Path(Path(str(name)).name) for name in raw["files"])
        over = tuple((str(name), int(size)) for name, size in raw["oversized"])
        sizes = tuple(int(size) for size in raw["sizes"])
        notes, downloader = tuple(str(n) for n in raw["notes"]), str(raw["downloader"])
        limit, elapsed, fetched = int(raw["limit"]), float(raw["elapsed"]), raw["fetched_bytes"]
        return DownloadResult(
            files, over, limit, elapsed, notes, downloader, int(fetched), None, sizes
        )
    except (KeyError, ValueError, TypeError):
        return None
