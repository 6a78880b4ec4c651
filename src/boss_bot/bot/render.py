"""Text of every message the bot posts about a job. Plain strings; no Discord objects."""

from boss_bot.core.fmt import duration, size
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus


def job_ref(item: DownloadItem) -> str:
    """The job id as users type it."""
    return f"`{item.id}`"


def acknowledgement(item: DownloadItem, position: int, wait: float = 0) -> str:
    """First answer to a download command: id, position, estimated start."""
    if wait <= 0:
        return f"📥 Job {job_ref(item)} accepted, starting now."
    return (
        f"📥 Job {job_ref(item)} accepted, position {position} in the queue "
        f"(starts in about {duration(wait)})."
    )


def _oversized(result: DownloadResult) -> str:
    names = ", ".join(f"{name} ({size(num)})" for name, num in result.oversized)
    return f"{names}: over this server's {size(result.limit)} upload limit"


def status(item: DownloadItem, result: DownloadResult | None = None) -> str:
    """The status message for a job in its current state."""
    ref = job_ref(item)
    match item.status:
        case DownloadStatus.QUEUED:
            return f"📥 Job {ref} is waiting in the queue."
        case DownloadStatus.DOWNLOADING | DownloadStatus.PROCESSING:
            return f"⬇️ Job {ref} is downloading…"
        case DownloadStatus.UPLOADING:
            return f"📤 Job {ref} is uploading…"
        case DownloadStatus.CANCELLED:
            return f"⏹️ Job {ref} was cancelled."
        case DownloadStatus.COMPLETED if result is not None:
            names = ", ".join(path.name for path in result.files[:3])
            more = f" and {len(result.files) - 3} more" if len(result.files) > 3 else ""
            text = (
                f"✅ Job {ref} done: {names}{more} ({size(result.total_bytes)}) "
                f"in {duration(result.elapsed)}."
            )
            return text + (f"\nLeft out {_oversized(result)}." if result.oversized else "")
        case DownloadStatus.FAILED if result is not None and result.oversized:
            return f"❌ Job {ref}: {_oversized(result)}.\nSource: <{item.url}>"
        case _:
            reason = item.error or "Something went wrong."
            return f"❌ Job {ref} failed: {reason}"
