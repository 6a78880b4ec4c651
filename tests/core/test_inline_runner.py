"""A job's files made to play inline by the runner the service builds (``build_runner``)."""

from collections.abc import Callable
from pathlib import Path

from boss_bot.core.items import DownloadStatus
from boss_bot.core.jobs.assembly import build_runner
from boss_bot.core.storage.job_store import SqliteJobStore
from boss_bot.core.storage.paths import Storage
from boss_bot.settings import BotSettings
from tests.core.jobkit import RecordingSink, make_item
from tests.fakes import FakeDownloader
from tests.support.inline_media import make_clip

MIB = 1024 * 1024


async def _run(tmp_path: Path, settings: BotSettings) -> tuple[RecordingSink, list[str]]:
    """Run one job whose download is an H.264/AAC mkv; the statuses and the posted names."""
    clip = make_clip(tmp_path / "src" / "clip.mkv", "libx264", "aac").read_bytes()
    storage = Storage(settings.data_dir)
    storage.prepare()
    sink = RecordingSink(limit=10 * MIB)
    fake = FakeDownloader(files={"clip.mkv": clip})
    store = SqliteJobStore(storage.queue_db)
    runner = build_runner(settings, storage, store, sink, fake.route)
    item = await runner.run(make_item())
    assert item.status is DownloadStatus.COMPLETED
    return sink, sink.delivered[0]


async def test_the_runner_converts_and_shows_it(
    tmp_path: Path, make_settings: Callable[..., BotSettings]
) -> None:
    """With the default (``full``), the mkv is posted as mp4 after a converting status."""
    sink, posted = await _run(tmp_path, make_settings())
    assert posted == ["clip.mp4"]
    shown = [status for _, status in sink.statuses]
    converting = shown.index(DownloadStatus.CONVERTING)
    assert shown[converting - 1] is DownloadStatus.DOWNLOADING  # no shrinking was needed
    assert shown[converting + 1] is DownloadStatus.UPLOADING


async def test_off_posts_the_files_as_they_came(
    tmp_path: Path, make_settings: Callable[..., BotSettings]
) -> None:
    """``INLINE_VIDEO=off``: the mkv is posted as it was, and nothing says converting."""
    sink, posted = await _run(tmp_path, make_settings(inline_video="off"))
    assert posted == ["clip.mkv"]
    assert DownloadStatus.CONVERTING not in [status for _, status in sink.statuses]
