"""A recording sink and a job runner over a fake downloader, for core tests."""

from dataclasses import dataclass, field
from pathlib import Path

from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.jobs.fetching import Fetcher
from boss_bot.core.jobs.retrying import RetryPolicy
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.ports import JobLimits
from boss_bot.core.storage.job_store import JobStore, SqliteJobStore
from boss_bot.core.storage.paths import Storage
from boss_bot.core.urls import Platform
from tests.fakes import FakeDownloader


@dataclass
class RecordingSink:
    limit: int = 1000
    statuses: list[tuple[str, DownloadStatus]] = field(default_factory=list)
    delivered: list[list[str]] = field(default_factory=list)
    progress_events: int = 0
    fail_updates: bool = False
    retries: list[tuple] = field(default_factory=list)
    places: list[list[tuple[str, int]]] = field(default_factory=list)

    async def upload_limit(self, item: DownloadItem) -> int:
        return self.limit

    def progress(self, item, event) -> None:
        self.progress_events += 1

    def waiting(self, places) -> None:
        self.places.append([(p.item.id, p.position) for p in places])

    async def update(self, item: DownloadItem, result: DownloadResult | None = None) -> None:
        self.statuses.append((item.id, item.status))
        if self.fail_updates:
            raise RuntimeError("discord is down")

    async def retrying(self, item, failure, tried: int, tries: int, delay: float) -> None:
        self.retries.append((failure.kind, tried, tries, delay))

    async def deliver(self, item: DownloadItem, result: DownloadResult, posted) -> None:
        self.delivered.append([p.name for p in result.files])
        posted(1)


def make_item() -> DownloadItem:
    return DownloadItem(
        url="https://e.test/v.mp4", platform=Platform.GENERIC, user_id=1, channel_id=2
    )


def make_runner(
    tmp_path: Path, fake: FakeDownloader, sink: RecordingSink, store: JobStore | None = None
) -> JobRunner:
    storage = Storage(tmp_path)
    storage.prepare()
    fetcher = Fetcher(fake.route, JobLimits(), RetryPolicy(tries=3, delay=0.01))
    return JobRunner(storage, store or SqliteJobStore(tmp_path / "q.db"), sink, fetcher)
