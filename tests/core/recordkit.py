"""Records under an injected clock, and finished jobs to fill them (for the records tests)."""

from datetime import UTC, datetime
from pathlib import Path

from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.storage.paths import Storage
from boss_bot.core.storage.policy import MB, Policy
from boss_bot.core.storage.records import Records
from boss_bot.core.urls import Platform

NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


class Clock:
    """An injected clock the test moves."""

    def __init__(self) -> None:
        self.now = NOON

    def __call__(self) -> datetime:
        return self.now


def make_records(tmp_path: Path, **policy: object) -> tuple[Records, Clock]:
    """Records in a fresh data directory, with ``policy`` and a clock at ``NOON``."""
    storage = Storage(tmp_path / "data")
    storage.prepare()
    clock = Clock()
    return Records(storage, Policy(min_free=0, **policy), clock), clock  # type: ignore[arg-type]


def finish(
    records: Records, status: DownloadStatus, size: int, guild: int | None = 7, user: int = 1
) -> Path:
    """Record a job that ended with ``status`` and one file of ``size`` bytes."""
    item = DownloadItem(
        url="https://e.test/v.mp4",
        platform=Platform.GENERIC,
        user_id=user,
        channel_id=2,
        guild_id=guild,
        status=status,
    )
    work = records.storage.job_dir(item.id)
    (work / "v.mp4").write_bytes(b"x" * size)
    result = DownloadResult((work / "v.mp4",), (), 10 * MB, 1.0)
    folder = records.write(item, result)
    records.storage.cleanup(item.id)
    return folder
