"""The fetcher is configured from the settings: bounds, retries, and which ffmpeg."""

from boss_bot.core.jobs.fetching import Fetcher
from tests.fakes import FakeDownloader


def test_the_configured_ffmpeg_is_the_one_downloads_use(make_settings, tmp_path) -> None:
    """``BOSS_BOT_FFMPEG_PATH`` reaches yt-dlp's merger, not whatever is on PATH."""
    ffmpeg = tmp_path / "ffmpeg-7" / "ffmpeg"
    settings = make_settings(ffmpeg_path=str(ffmpeg), download_timeout=42, download_tries=2)
    fetcher = Fetcher.from_settings(settings, FakeDownloader().route)
    assert fetcher.limits.ffmpeg == str(ffmpeg)
    assert (fetcher.limits.timeout, fetcher.retry.tries) == (42, 2)
