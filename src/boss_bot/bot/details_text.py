"""The text of the ℹ️ reply: one short block per job of the status message."""

from datetime import datetime

from boss_bot.core.fmt import duration, size
from boss_bot.core.jobs.details import JobDetails

DELETE_AFTER = 60.0  # seconds the ℹ️ reply stays


def _when(moment: datetime | None) -> str:
    """A Discord timestamp: each reader sees it in their own time zone."""
    return f"<t:{int(moment.timestamp())}:T>" if moment else "–"


def timings(job: JobDetails) -> str:
    """Queued → started → finished, and how long it all took."""
    line = f"queued {_when(job.created_at)} → started {_when(job.started_at)}"
    if job.completed_at is None:
        return line
    took = (job.completed_at - job.created_at).total_seconds()
    return f"{line} → finished {_when(job.completed_at)} ({duration(took)} in all)"


def block(job: JobDetails) -> str:
    """One job's details."""
    sizes = "–"
    if job.fetched_bytes or job.delivered_bytes:
        sizes = f"{size(job.fetched_bytes)} downloaded → {size(job.delivered_bytes)} delivered"
    return "\n".join(
        (
            f"ℹ️ Job `{job.job_id}` · {job.status.value}",
            f"Source: <{job.url}>",
            f"Asked by <@{job.user_id}> · downloader: {job.downloader or '–'} · "
            f"attempts: {job.attempts}",
            f"Size: {sizes} · formats: {', '.join(job.formats) or '–'}",
            f"Timings: {timings(job)}",
        )
    )


def details(jobs: list[JobDetails]) -> str:
    """The whole reply (several jobs share a status message for several links)."""
    text = "\n\n".join(block(job) for job in jobs)
    return text + "\n-# This note disappears in a minute."
