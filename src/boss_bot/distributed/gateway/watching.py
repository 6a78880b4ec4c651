"""Following a job a worker runs: save and show each state it writes, until it ends.

The worker writes the job's state into saq's metadata (``working.sink``); this reads
it every ``poll`` seconds and passes each change to the gateway's runner, which saves
it and edits the status message exactly as for a job run in this process.
"""

from collections.abc import Callable
from dataclasses import dataclass

from saq.job import Job, Status

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.distributed.broker import SWEPT
from boss_bot.distributed.results import decode_result
from boss_bot.distributed.state import decode_item, decode_progress, decode_retry
from boss_bot.errors import DownloadFailedError, FailureKind


@dataclass(slots=True)
class Watched:
    """What the gateway last saw of a remote job."""

    item: DownloadItem
    attempts: int = 0  # saq's tries: one more means a worker's try was taken back
    worker: str = ""
    progress: object = None
    retry: object = None


async def apply(runner: JobRunner, seen: Watched, job: Job, retried: Callable[[str], None]) -> None:
    """Pass on what changed since ``seen`` (saved and shown by ``runner``)."""
    if job.attempts > seen.attempts:
        if seen.attempts and seen.worker:
            retried(seen.worker)
        seen.attempts = job.attempts
    seen.worker = job.worker_id or seen.worker
    meta = job.meta or {}
    item = decode_item(meta.get("item"))
    if item is not None and item.id == seen.item.id and item != seen.item:
        changed, seen.item = item.status is not seen.item.status, item
        if changed and not item.status.finished:  # the end is told once, with its result
            await runner.tell(item)
        else:
            runner.report.store.save(item)
    if (retry := meta.get("retry")) != seen.retry and (failed := decode_retry(retry)):
        seen.retry = retry
        again = runner.report.retries_of(seen.item, failed.tries)
        await again(failed.failure(), failed.tried, failed.delay)
    if (raw := meta.get("progress")) != seen.progress:
        seen.progress = raw
        if (event := decode_progress(raw)) is not None:
            runner.report.progress_of(seen.item)(event)


async def end(runner: JobRunner, seen: Watched, job: Job) -> DownloadItem:
    """Save and show how the job ended on its worker; the final state."""
    runner.progress.pop(seen.item.id, None)
    raw = job.result if isinstance(job.result, dict) else {}
    final, result = decode_item(raw.get("item")), decode_result(raw.get("result"))
    if job.status is Status.COMPLETE and final is not None and final.status.finished:
        if result is not None:
            runner.durations.append(result.elapsed)
        await runner.tell(final, result)
        return final
    if job.error and SWEPT in job.error:  # its workers kept dying
        error = f"I gave up after {job.attempts} attempts; please try again later."
    else:
        error = DownloadFailedError(FailureKind.UNKNOWN).user_message(ref=seen.item.id)
    failed = seen.item.evolve(status=DownloadStatus.FAILED, error=error)
    await runner.tell(failed)
    return failed
