"""A link answered with an HLS playlist naming local files must not post those files.

Real gallery-dl, yt-dlp, ffprobe and ffmpeg against the loopback media server; the
upload limit is below the playlist's size, so the bot tries to fit it.
"""

from pathlib import Path

import pytest

from boss_bot.bot.render import status
from boss_bot.core.ffmpeg import Tools
from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.fetching import Fetcher
from boss_bot.core.jobs.retrying import RetryPolicy
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.ports import JobLimits, Router
from boss_bot.core.storage.job_store import SqliteJobStore
from boss_bot.core.storage.paths import Storage
from boss_bot.core.urls import Platform
from tests.core.jobkit import RecordingSink
from tests.support.media import _ffmpeg, probe
from tests.support.media_server import MediaServer

pytestmark = pytest.mark.slow  # real ffmpeg on hostile files


class KeepingSink(RecordingSink):
    """Keeps the bytes of every delivered file (what Discord would have received)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit)
        self.uploads: list[bytes] = []
        self.results: list = []

    async def update(self, item, result=None) -> None:
        self.results.append((item, result))
        await super().update(item, result)

    async def deliver(self, item, result, posted) -> None:
        self.uploads.extend(path.read_bytes() for path in result.files)
        await super().deliver(item, result, posted)


def _playlist(segment: str) -> bytes:
    lines = ["#EXTM3U", "#EXT-X-TARGETDURATION:10", "#EXTINF:3,", segment, "#EXT-X-ENDLIST"]
    padding = ("#" * 99 + "\n") * 2000  # 200 KB of comments: over the limit, so it is fitted
    return ("\n".join(lines) + "\n" + padding).encode()


@pytest.fixture(scope="module")
def secret(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bot's own private video: 3 s of 176x144, which must never be posted."""
    path = tmp_path_factory.mktemp("home") / "holiday.mp4"
    _ffmpeg("-f", "lavfi", "-i", "testsrc=s=176x144:r=10", "-t", "3", str(path))
    return path


async def _run(route: Router, tmp_path: Path, url: str) -> KeepingSink:
    storage = Storage(tmp_path / "data")
    storage.prepare()
    sink = KeepingSink(limit=100_000)
    limits = JobLimits(timeout=60, allow_private=True, ffmpeg=Tools.find().ffmpeg)
    fetcher = Fetcher(route, limits, RetryPolicy(tries=1, delay=0.01))
    runner = JobRunner(
        storage, SqliteJobStore(tmp_path / "q.db"), sink, fetcher, fitter=Fitter(Tools.find(), 60)
    )
    item = DownloadItem(url=url, platform=Platform.GENERIC, user_id=1, channel_id=2)
    await runner.run(item)
    return sink


def _posted_the_secret(sink: KeepingSink, tmp_path: Path) -> bool:
    for n, data in enumerate(sink.uploads):
        copy = tmp_path / f"upload{n}"
        copy.write_bytes(data)
        video = [s for s in probe(copy).get("streams", []) if s["codec_type"] == "video"]
        if video and (video[0]["width"], video[0]["height"]) == (176, 144):
            return True
    return False


CASES = [
    ("/pic.jpg", "application/vnd.apple.mpegurl", "absolute"),
    ("/pic.jpg", "image/jpeg", "absolute"),
    ("/pic.jpg", "application/vnd.apple.mpegurl", "relative"),
    ("/clip.mp4", "video/mp4", "absolute"),
]


@pytest.mark.parametrize("case", CASES)
async def test_a_playlist_of_local_files_posts_none_of_them(
    downloaders, tmp_path: Path, secret: Path, case: tuple[str, str, str]
) -> None:
    """Served as .m3u8, .jpg or .mp4, absolute or relative: nothing posted, a clear failure."""
    path, content_type, spelling = case
    job_dir = tmp_path / "data" / "downloads"
    segment = str(secret) if spelling == "absolute" else "../" * 30 + str(secret)[1:]
    with MediaServer() as media:
        url = media.add_file(path, _playlist(segment), content_type)
        sink = await _run(downloaders.route, tmp_path, url)
    assert job_dir.parent.exists()
    assert not _posted_the_secret(sink, tmp_path)
    assert sink.uploads == []
    item, result = sink.results[-1]
    assert item.status is DownloadStatus.FAILED
    assert "no picture, video or audio (only a playlist)" in status(item, result)
