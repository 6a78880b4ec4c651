"""Each job's subtitle languages: asked per job, passed to the downloader, sent to a worker."""

from typing import Any

from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs.assembly import build_runner
from boss_bot.core.storage.job_store import SqliteJobStore
from boss_bot.core.storage.paths import Storage
from boss_bot.distributed.gateway.handing import Handing
from boss_bot.distributed.working.sink import Running, WorkerSink, languages
from boss_bot.settings import BotSettings
from tests.core.jobkit import RecordingSink, make_item
from tests.fakes import FakeDownloader


async def _langs_seen(settings: BotSettings, **kwargs: Any) -> tuple[str, ...]:
    storage = Storage(settings.data_dir)
    storage.prepare()
    fake = FakeDownloader()
    store = SqliteJobStore(storage.queue_db)
    runner = build_runner(settings, storage, store, RecordingSink(), fake.route, **kwargs)
    await runner.run(make_item())
    return fake.limits_seen[0].subtitle_langs


async def test_the_runner_asks_per_job_and_fetches_none_by_default(make_settings) -> None:
    """The downloader gets what ``subtitles`` says for the job; by default no languages."""
    asked: list[DownloadItem] = []

    def english(item: DownloadItem) -> tuple[str, ...]:
        asked.append(item)
        return ("en.*",)

    assert await _langs_seen(make_settings()) == ()
    assert await _langs_seen(make_settings(), subtitles=english) == ("en.*",)
    assert len(asked) == 1


class _Queue:
    """Keeps the saq jobs handed to it."""

    def __init__(self) -> None:
        self.jobs: list[Any] = []

    async def enqueue(self, job: Any) -> Any:
        self.jobs.append(job)
        return job


async def test_a_remote_job_carries_its_languages_to_the_worker() -> None:
    """The gateway hands the languages with the job; the worker's sink answers with them."""
    queue, item = _Queue(), make_item()
    await Handing(queue, {"timeout": 60}).hand(item, 10, None, ("en.*", "de"))  # type: ignore[arg-type]
    handed = queue.jobs[0].kwargs["subtitles"]
    sink = WorkerSink(poster=None)  # type: ignore[arg-type]
    sink.jobs[item.id] = Running(None, 10, None, languages(handed))  # type: ignore[arg-type]
    assert sink.subtitle_langs(item) == ("en.*", "de")
    assert sink.subtitle_langs(make_item()) == ()
    assert languages(None) == ()  # handed by an older gateway
    assert languages(["en", 5, None]) == ("en",)
