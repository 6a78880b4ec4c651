"""What ℹ️ on a status message tells: a job's source, requester, downloader and timings.

Finished jobs are noted by a ``Finished`` hook while their files still exist (their
formats are sniffed then); jobs still waiting or running are described from the queue.
The last ``keep`` status messages are remembered, in memory only.
"""

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.media.content import HEAD_BYTES, sniff


@dataclass(frozen=True, slots=True)
class JobDetails:
    """One job as ℹ️ shows it.

    Attributes:
        fetched_bytes: What the downloader wrote (the media files), before fitting.
        delivered_bytes: What was (or will be) posted, after fitting.
        formats: The delivered files' kinds (``"MP4/QuickTime file"``), sniffed.
    """

    job_id: str
    url: str
    user_id: int
    status: DownloadStatus
    attempts: int
    created_at: datetime
    started_at: datetime | None = None
    completed_at: datetime | None = None
    downloader: str = ""
    fetched_bytes: int = 0
    delivered_bytes: int = 0
    formats: tuple[str, ...] = ()


def _kind(path: Path) -> str:
    with path.open("rb") as file:
        what = sniff(file.read(HEAD_BYTES)).what
    return what.removeprefix("an ").removeprefix("a ")


def details_of(item: DownloadItem, result: DownloadResult | None = None) -> JobDetails:
    """Describe ``item``; with its ``result``, the files too (they must still exist)."""
    files = [path for path in result.files if path.exists()] if result else []
    return JobDetails(
        item.id,
        item.url,
        item.user_id,
        item.status,
        item.attempts,
        item.created_at,
        item.started_at,
        item.completed_at,
        result.downloader if result else "",
        result.fetched_bytes if result else 0,
        sum(path.stat().st_size for path in files),
        tuple(dict.fromkeys(_kind(path) for path in files)),
    )


class DetailsBook:
    """The details of the jobs of the last ``keep`` status messages, by message id."""

    def __init__(self, keep: int = 500) -> None:
        self.keep = keep
        self._ended: OrderedDict[int, dict[str, JobDetails]] = OrderedDict()
        self._lock = threading.Lock()  # ``record`` runs in worker threads

    def record(self, item: DownloadItem, result: DownloadResult | None) -> None:
        """Note a finished job (a ``Finished`` hook)."""
        if item.status_message_id is None:
            return
        noted = details_of(item, result)
        with self._lock:
            self._ended.setdefault(item.status_message_id, {})[item.id] = noted
            self._ended.move_to_end(item.status_message_id)
            while len(self._ended) > self.keep:
                self._ended.popitem(last=False)

    def of(self, message_id: int, live: Iterable[DownloadItem]) -> list[JobDetails]:
        """The jobs of status message ``message_id``: those ended, then those in ``live``."""
        with self._lock:
            found = dict(self._ended.get(message_id, {}))
        for item in live:
            if item.status_message_id == message_id and item.id not in found:
                found[item.id] = details_of(item)
        return list(found.values())
