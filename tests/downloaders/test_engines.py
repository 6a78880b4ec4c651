"""Real yt-dlp and gallery-dl, in child processes, against a loopback media server."""

import hashlib
import socket
from pathlib import Path

import pytest

from boss_bot.core.jobs.fetching import fetch, validate
from boss_bot.core.ports import JobLimits, Router
from boss_bot.core.urls import check_url
from boss_bot.downloaders.engines import GALLERYDL, YTDLP
from boss_bot.errors import DownloadFailedError, FailureKind

LIMITS = JobLimits(timeout=60, allow_private=True, ffmpeg=None)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def _fetch(route: Router, url: str, dest: Path, limits: JobLimits = LIMITS) -> list[Path]:
    checked = await validate(url, allow_private=True)
    return await fetch(checked, dest, route, limits, lambda event: None)


@pytest.mark.slow
async def test_video_link_is_downloaded_by_ytdlp(
    downloaders, media_server, media_dir, tmp_path
) -> None:
    """A direct mp4 link arrives byte-for-byte, via yt-dlp."""
    url = media_server.url("/v/clip.mp4")
    assert (await downloaders.order_for(url))[0] == YTDLP
    downloader = downloaders.route(check_url(url))
    files = await fetch(check_url(url), tmp_path, lambda _: downloader, LIMITS, lambda e: None)
    assert downloader.name == YTDLP
    assert len(files) == 1
    assert files[0].suffix == ".mp4"
    assert _sha(files[0]) == _sha(media_dir / "clip.mp4")


async def test_image_link_is_downloaded_by_gallerydl(
    downloaders, media_server, media_dir, tmp_path
) -> None:
    """A direct image link arrives byte-for-byte, via gallery-dl, with its own name."""
    url = media_server.url("/i/pic.png")
    assert (await downloaders.order_for(url))[0] == GALLERYDL
    downloader = downloaders.route(check_url(url))
    files = await fetch(check_url(url), tmp_path, lambda _: downloader, LIMITS, lambda e: None)
    assert downloader.name == GALLERYDL
    assert [f.name for f in files] == ["pic.png"]
    assert _sha(files[0]) == _sha(media_dir / "pic.png")


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/v/gone.mp4", FailureKind.NOT_FOUND),
        ("/i/gone.png", FailureKind.NOT_FOUND),
        ("/page.html", FailureKind.UNSUPPORTED),
        ("/i/fake.jpg", FailureKind.NOT_MEDIA),
    ],
)
@pytest.mark.slow
async def test_failures_have_a_kind(downloaders, media_server, tmp_path, path: str, kind) -> None:
    """404s, pages without media and HTML served as an image each fail with their own kind."""
    with pytest.raises(DownloadFailedError) as failure:
        await _fetch(downloaders.route, media_server.url(path), tmp_path)
    assert failure.value.kind is kind
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", ["x.mp4", "x.png"])
async def test_connection_refused_is_a_network_failure(downloaders, tmp_path, suffix: str) -> None:
    """A port nobody listens on gives a network failure, from either downloader."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(DownloadFailedError) as failure:
        await _fetch(downloaders.route, f"http://127.0.0.1:{port}/{suffix}", tmp_path)
    assert failure.value.kind is FailureKind.NETWORK


async def test_byte_limit_stops_a_download(downloaders, media_server, tmp_path) -> None:
    """A file over MAX_DOWNLOAD_MB is refused as too large and nothing is kept."""
    limits = JobLimits(timeout=60, allow_private=True, max_bytes=1000)
    with pytest.raises(DownloadFailedError) as failure:
        await _fetch(downloaders.route, media_server.url("/v/clip.mp4"), tmp_path, limits)
    assert failure.value.kind is FailureKind.TOO_LARGE


async def test_guard_refuses_loopback_inside_the_child(downloaders, media_server, tmp_path) -> None:
    """With private addresses disallowed, the child refuses to connect, and no request is made."""
    limits = JobLimits(timeout=60, allow_private=False)
    url = check_url(media_server.url("/v/clip.mp4"))
    with pytest.raises(DownloadFailedError) as failure:
        await fetch(url, tmp_path, downloaders.route, limits, lambda e: None)
    assert failure.value.kind is FailureKind.BLOCKED
    assert media_server.hits("/v/clip.mp4") == 0


async def test_gallerydl_reports_the_expected_size(downloaders, tmp_path) -> None:
    """A slow image shows a real total (its Content-Length), so the bar has a percent."""
    from tests.support.media_server import MediaServer

    body = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200_000
    events = []
    with MediaServer() as media:
        url = media.add_file("/slow.png", body, "image/png", throttle_bps=200_000)
        checked = await validate(url, allow_private=True)
        await fetch(checked, tmp_path, downloaders.route, LIMITS, events.append)
    assert {e.total for e in events if e.total} == {len(body)}
    assert any(0 < e.downloaded < len(body) for e in events if e.total)
