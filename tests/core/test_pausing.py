"""Pausing through the service: a shutdown while the pause is being shown keeps the files."""

import asyncio

from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.jobs.access import Requester
from boss_bot.core.jobs.admission import JobRequest
from boss_bot.core.jobs.assembly import build_service
from boss_bot.core.metrics import Metrics
from boss_bot.core.storage.job_store import SqliteJobStore
from boss_bot.core.urls import check_url
from tests.core.jobkit import RecordingSink
from tests.fakes import FakeDownloader


class SlowPauseSink(RecordingSink):
    """Shows "paused" only once ``shown`` is set, as a slow Discord would."""

    def __init__(self) -> None:
        super().__init__()
        self.pausing, self.shown = asyncio.Event(), asyncio.Event()

    async def update(self, item: DownloadItem, result: DownloadResult | None = None) -> None:
        await super().update(item, result)
        if item.status is DownloadStatus.PAUSED:
            self.pausing.set()
            await self.shown.wait()


async def test_a_shutdown_during_the_pause_keeps_the_partial_file(make_settings) -> None:
    """The bot stops while "paused" is being shown: the job stays paused, its bytes kept."""
    settings = make_settings()
    sink, fake = SlowPauseSink(), FakeDownloader(gate=asyncio.Event())
    service = build_service(settings, sink, fake.route, Metrics())
    await service.start()
    service.start_workers()

    async def ack(item: DownloadItem, position: int, wait: float) -> int:
        return 77

    item = await service.submit(JobRequest(check_url("https://e.test/v.mp4"), 1, 2, 3), ack)
    await asyncio.wait_for(fake.started.wait(), 5)
    partial = fake.calls[0][1] / "v.mp4.part"
    partial.write_bytes(b"half")
    assert await service.hold(item.id, Requester(1, 3), pause=True) is not None
    await asyncio.wait_for(sink.pausing.wait(), 5)
    job = next(t for t in asyncio.all_tasks() if t.get_name() == f"boss-bot-job-{item.id}")
    closing = asyncio.create_task(service.close())
    async with asyncio.timeout(5):  # the shutdown cancels the job while its pause is shown
        while job.cancelling() < 2:
            await asyncio.sleep(0.01)
    sink.shown.set()
    await asyncio.wait_for(closing, 5)
    assert partial.read_bytes() == b"half"
    store = SqliteJobStore(settings.data_dir / "queue.sqlite3")
    assert [i.status for i in store.unfinished()] == [DownloadStatus.PAUSED]
    store.close()
