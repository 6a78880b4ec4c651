"""A playlist or gallery longer than a job's bounds keeps what fits, and says so.

Real yt-dlp reads a podcast-style RSS feed from the loopback media server (its generic
extractor turns the feed's enclosures into a playlist and reports ``playlist_count``);
real gallery-dl follows every link of a loopback page with its ``recursive:``
extractor, each link a child job (its ``generic:`` extractor drops the port of a URL,
so it cannot reach the loopback server).
"""

from pathlib import Path

import pytest

from boss_bot.core.ports import JobLimits, notes_of
from boss_bot.downloaders.engines import GALLERYDL, YTDLP, ChildDownloader
from boss_bot.errors import DownloadFailedError, FailureKind
from tests.support.media import make_video
from tests.support.media_server import MediaServer
from tests.support.playlists import PICTURE, serve_feed, serve_gallery


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_video(tmp_path_factory.mktemp("feed") / "clip.mp4", seconds=1, size="64x48")


@pytest.mark.parametrize(
    ("episodes", "notes"),
    [
        (5, ("Took the first 2 of 5 items: the rest is over the 2-file limit.",)),
        (2, ()),  # within the limit: whole, no note
    ],
)
async def test_a_long_playlist_keeps_the_first_items_and_counts_the_rest(
    downloaders, clip: Path, tmp_path: Path, episodes: int, notes: tuple[str, ...]
) -> None:
    """yt-dlp: a feed under a two-file limit gives two files, and "2 of 5" when longer."""
    with MediaServer() as server:
        limits = JobLimits(timeout=60, max_files=2, allow_private=True)
        files = await ChildDownloader(YTDLP, downloaders.forker).download(
            serve_feed(server, clip, episodes), tmp_path, limits, lambda e: None
        )
    assert len(files) == 2
    assert notes_of(files) == notes


async def test_a_long_gallery_stops_at_the_file_limit_and_says_there_is_more(
    downloaders, tmp_path: Path
) -> None:
    """gallery-dl: five linked pictures under a two-file limit: two fetched, "there are more"."""
    with MediaServer() as server:
        limits = JobLimits(timeout=60, max_files=2, allow_private=True)
        files = await ChildDownloader(GALLERYDL, downloaders.forker).download(
            serve_gallery(server, 5), tmp_path, limits, lambda e: None
        )
        assert server.hits("/img2.png") == 0  # nothing past the limit is fetched
    assert [path.name for path in files] == ["img0.png", "img1.png"]
    assert notes_of(files) == ("Took the first 2 items; there are more, over the 2-file limit.",)


async def test_a_gallery_over_the_byte_limit_keeps_the_finished_files(
    downloaders, tmp_path: Path
) -> None:
    """gallery-dl: 5 × 300 kB under a 700 kB limit keeps whole files that fit, and says why."""
    with MediaServer() as server:
        limits = JobLimits(timeout=60, max_bytes=700_000, allow_private=True)
        files = await ChildDownloader(GALLERYDL, downloaders.forker).download(
            serve_gallery(server, 5), tmp_path, limits, lambda e: None
        )
    assert [path.name for path in files] == ["img0.png", "img1.png"]
    assert [path.stat().st_size for path in files] == [len(PICTURE)] * 2
    assert notes_of(files) == (
        "Stopped after 2 items: the rest is over the 683.6 KB a job may download.",
    )


async def test_one_file_over_the_byte_limit_still_fails(downloaders, tmp_path: Path) -> None:
    """A single picture over the limit is no partial success: the job fails as too large."""
    with MediaServer() as server:
        limits = JobLimits(timeout=60, max_bytes=200_000, allow_private=True)
        with pytest.raises(DownloadFailedError) as failure:
            await ChildDownloader(GALLERYDL, downloaders.forker).download(
                serve_gallery(server, 1), tmp_path, limits, lambda e: None
            )
    assert failure.value.kind is FailureKind.TOO_LARGE
