"""Text of every message the bot posts about a job. Plain strings; no Discord objects."""

from discord.utils import escape_markdown, escape_mentions

from boss_bot.core.fmt import duration, size
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus, ProgressEvent
from boss_bot.core.media.names import clean_text, shown_name
from boss_bot.errors import DownloadFailedError
from boss_bot.errors.kinds import SHORT

BAR_LENGTH = 20


def bar(fraction: float) -> str:
    """A text progress bar, e.g. ``[████████░░░░░░░░░░░░]``."""
    filled = round(max(0.0, min(fraction, 1.0)) * BAR_LENGTH)
    return "[" + "█" * filled + "░" * (BAR_LENGTH - filled) + "]"


def progress(item: DownloadItem, event: ProgressEvent) -> str:
    """A downloading job's status: bar, percent, size, speed and ETA when known."""
    speed = f" · {size(event.speed)}/s" if event.speed else ""
    if event.total:
        fraction = min(event.downloaded / event.total, 1.0)
        eta = ""
        if event.speed:
            eta = f" · ETA {duration(max(event.total - event.downloaded, 0) / event.speed)}"
        detail = (
            f"`{bar(fraction)}` {fraction:.0%} · {size(event.downloaded)} of "
            f"{size(event.total)}{speed}{eta}"
        )
    else:
        detail = f"{size(event.downloaded)} so far{speed}"
    return f"⬇️ Job {job_ref(item)} is downloading\n{detail}"


def quoted(text: str) -> str:
    """Remote text as a message shows it: hidden characters gone, markdown and mentions inert."""
    return escape_mentions(escape_markdown(clean_text(text)))


def file_name(name: str) -> str:
    """A remote file name as a message shows it (the name its attachment gets, escaped)."""
    return quoted(shown_name(name))


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


def retrying(
    item: DownloadItem, failure: DownloadFailedError, tried: int, tries: int, delay: float
) -> str:
    """A job between two tries: what went wrong and when the next try starts."""
    what = SHORT.get(failure.kind, "the download failed")
    return (
        f"⚠️ Job {job_ref(item)}: {what} (try {tried} of {tries}). "
        f"Trying again in {duration(delay)}…"
    )


def _oversized(result: DownloadResult) -> str:
    names = ", ".join(f"{file_name(name)} ({size(num)})" for name, num in result.oversized)
    return f"{names}: over this server's {size(result.limit)} upload limit"


def status(item: DownloadItem, result: DownloadResult | None = None) -> str:
    """The status message for a job in its current state."""
    ref = job_ref(item)
    match item.status:
        case DownloadStatus.QUEUED:
            return f"📥 Job {ref} is waiting in the queue."
        case DownloadStatus.DOWNLOADING:
            return f"⬇️ Job {ref} is starting now: downloading…"
        case DownloadStatus.PROCESSING:
            return f"⚙️ Job {ref}: shrinking the file(s) to fit this server's upload limit…"
        case DownloadStatus.CONVERTING:
            return f"🎞️ Job {ref}: converting the file(s) into a format Discord plays here…"
        case DownloadStatus.UPLOADING:
            return f"📤 Job {ref} is uploading…"
        case DownloadStatus.PAUSED:
            return f"⏸️ Job {ref} is paused: react ▶️ to resume it."
        case DownloadStatus.CANCELLED if item.paused_at and item.error:  # paused too long
            return f"⏹️ Job {ref} was {item.error}"
        case DownloadStatus.CANCELLED:
            return f"⏹️ Job {ref} was cancelled."
        case DownloadStatus.COMPLETED if result is not None:
            names = ", ".join(file_name(path.name) for path in result.files[:3])
            more = f" and {len(result.files) - 3} more" if len(result.files) > 3 else ""
            text = (
                f"✅ Job {ref} done: {names}{more} ({size(result.total_bytes)}) "
                f"in {duration(result.elapsed)}."
            )
            text += f"\nLeft out {_oversized(result)}." if result.oversized else ""
            return "\n".join((text, *map(quoted, result.notes)))
        case DownloadStatus.FAILED if result is not None and result.oversized:
            return "\n".join(
                (
                    f"❌ Job {ref}: {_oversized(result)}.",
                    *map(quoted, result.notes),
                    f"Source: <{item.url}>",
                )
            )
        case _:
            reason = item.error or "Something went wrong."
            return f"❌ Job {ref} failed: {reason}"
