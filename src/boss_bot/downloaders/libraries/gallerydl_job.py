"""gallery-dl's job, bounded in files across a gallery and the posts it queues.

Runs inside a download child. gallery-dl's own ``file-range`` counts each child job
(each post of a timeline) on its own; ``BoundedJob`` counts the whole download, stops
at the first file past ``max_files`` (so no file past the limit is fetched) and
remembers that the source had more, and how many when the post says (its ``count``).
"""

import contextlib
import os
import time
from typing import Any, ClassVar

from gallery_dl import exception, job

from boss_bot.downloaders.libraries.pacing import Pace

REPORT_SECONDS = 1.0


class BoundedJob(job.DownloadJob):
    """A ``DownloadJob`` that takes at most ``max_files`` files in all (set before ``run``).

    The counters are class attributes: a child process runs one download.
    """

    max_files: ClassVar[int] = 30
    taken: ClassVar[int] = 0
    more: ClassVar[bool] = False
    found: ClassVar[int | None] = None
    first: ClassVar[dict[str, Any]] = {}  # the first file's metadata, for the caption card

    @classmethod
    def start_counting(cls, max_files: int) -> None:
        """Set the limit and zero the counters before a download (``run`` in-process too)."""
        cls.max_files, cls.taken, cls.more, cls.found = max_files, 0, False, None
        cls.first = {}

    def __init__(self, url: Any, parent: Any = None) -> None:
        super().__init__(url, parent)
        if parent is not None:
            self.out = parent.out  # child jobs report their files too

    def handle_url(self, url: str, kwdict: dict[str, Any]) -> None:
        """Download the file, unless the limit is reached: then note it and stop."""
        if BoundedJob.taken >= BoundedJob.max_files:
            count = kwdict.get("count")
            BoundedJob.more = True
            BoundedJob.found = (
                count if isinstance(count, int) and count > BoundedJob.taken else None
            )
            raise exception.StopExtraction
        if BoundedJob.taken == 0:
            BoundedJob.first = dict(kwdict)
        BoundedJob.taken += 1
        super().handle_url(url, kwdict)

    def handle_queue(self, url: str, kwdict: dict[str, Any]) -> None:
        """Follow a queued post, unless the limit has already stopped the download."""
        if BoundedJob.more:
            raise exception.StopExtraction
        super().handle_queue(url, kwdict)


class Progress:
    """gallery-dl's output interface (``job.out``), passing the expected size to the parent.

    The total is the bytes of the files already finished plus the current one's
    Content-Length; the parent measures what is on disk. With a ``pace`` (``pacing``),
    each block waits for it.
    """

    def __init__(self, emit: Any, pace: Pace | None = None) -> None:
        self.emit, self.finished, self.last = emit, 0, (0, 0.0)
        self.pace, self.path = pace, ""

    def start(self, path: str) -> None:
        """A file starts: the next blocks are paced as its own."""
        self.path = path

    def skip(self, path: str) -> None:
        """A file is skipped (nothing to report)."""

    def success(self, path: str) -> None:
        """A file is complete: count it into the running total, and name it to the parent."""
        with contextlib.suppress(OSError):
            self.finished += os.path.getsize(path)
        self.emit(event="item", name=os.path.basename(path))

    def progress(self, bytes_total: int | None, bytes_downloaded: int, speed: int) -> None:
        """Report the expected total when it changes (gallery-dl calls this per chunk)."""
        if self.pace is not None:
            self.pace.advance(bytes_downloaded, self.path)
        total, now = self.finished + (bytes_total or 0), time.monotonic()
        if bytes_total and (total != self.last[0] or now - self.last[1] >= REPORT_SECONDS):
            self.last = (total, now)
            self.emit(event="progress", total=total, speed=speed)
