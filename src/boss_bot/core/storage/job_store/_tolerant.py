"""A store whose failed writes are logged, not raised: a full disk must not stop a job."""

from loguru import logger

from boss_bot.core.items import DownloadItem
from boss_bot.core.storage.job_store._protocol import JobStore


class TolerantStore:
    """Wraps a ``JobStore``; a ``save`` that fails (a full disk) is logged and the job goes on.

    The job runner saves every status before it shows it. If saving raised, a full disk
    would fail the job's error handling too and leave its status message stale. A
    restart then sees the last state that was saved: an unfinished job runs again, and
    files already posted are counted from the channel, so none is posted twice.
    """

    def __init__(self, store: JobStore) -> None:
        self.inner = store

    def save(self, item: DownloadItem) -> None:
        """Save ``item``, or log why it could not be saved."""
        try:
            self.inner.save(item)
        except Exception:
            logger.bind(job_id=item.id).exception("could not save status {}", item.status)

    def unfinished(self) -> list[DownloadItem]:
        """The wrapped store's unfinished jobs (errors here are not hidden)."""
        return self.inner.unfinished()

    def close(self) -> None:
        """Close the wrapped store."""
        self.inner.close()
