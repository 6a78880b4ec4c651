"""The janitor: retention for temp entries and records (seed 001/003 "Storage Policies").

Temp entries of jobs that are not running go after ``TEMP_RETENTION_HOURS``; records
of failed or cancelled jobs after ``FAILED_RETENTION_HOURS``, of delivered ones after
``SUCCESS_RETENTION_HOURS``. Empty day and guild directories go with them, and failed
jobs kept for 🔄 go with their records.
"""

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from loguru import logger

from boss_bot.core.items import DownloadStatus
from boss_bot.core.storage.disk import remove
from boss_bot.core.storage.job_store import FailedJobs
from boss_bot.core.storage.records import Records, read_record


def _remove(records: Records, path: Path) -> int:
    logger.debug("janitor removes {}", path)
    remove(path)
    return 1


def sweep(records: Records, running: set[str]) -> int:
    """Remove what retention no longer keeps; returns how many entries went."""
    now, removed = records.clock(), 0
    for entry in list(records.storage.temp.iterdir()) if records.storage.temp.exists() else []:
        age = now - datetime.fromtimestamp(entry.stat().st_mtime, UTC)
        if entry.name not in running and age > timedelta(hours=records.policy.temp_hours):
            removed += _remove(records, entry)
    for meta in records.storage.downloads.glob("*/*/*/metadata.json"):
        data = read_record(meta)
        done = data.get("status") == DownloadStatus.COMPLETED.value
        keep = records.policy.success_hours if done else records.policy.failed_hours
        finished = datetime.fromisoformat(data.get("finished_at") or now.isoformat())
        if not data or now - finished > timedelta(hours=keep):  # an unreadable one goes too
            removed += _remove(records, meta.parent)
    downloads = records.storage.downloads
    for empty in sorted([*downloads.glob("*/*"), *downloads.glob("*")], reverse=True):
        if empty.is_dir() and not any(empty.iterdir()):
            empty.rmdir()
    return removed


def forget_failed(records: Records, failed: FailedJobs) -> int:
    """Forget the failed jobs (🔄) as old as the failed records ``sweep`` removes."""
    return failed.expire(records.clock() - timedelta(hours=records.policy.failed_hours))


async def janitor(
    records: Records, running: Callable[[], set[str]], every: float, failed: FailedJobs
) -> None:
    """Sweep every ``every`` seconds until cancelled; a failed sweep is logged, not fatal."""
    while True:
        try:
            removed = await asyncio.to_thread(sweep, records, running())
            if removed := removed + forget_failed(records, failed):  # in the loop's thread
                logger.info("janitor removed {} expired entries", removed)
        except Exception:
            logger.exception("janitor sweep failed")
        await asyncio.sleep(every)
