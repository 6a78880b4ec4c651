"""A hostile media server: endless and dripping bodies, lying lengths, redirect loops.

Each case must end with a specific failure, within the job's bounds, from either
downloader, and leave the bot free for the next job.
"""

import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from boss_bot.core.jobs.fetching import fetch
from boss_bot.core.ports import JobLimits
from boss_bot.core.urls import check_url
from boss_bot.errors import DownloadFailedError, FailureKind
from tests.support.media_server import MediaServer

LIMITS = JobLimits(timeout=6, max_bytes=1024 * 1024, allow_private=True)
HEAD = b"\x00\x00\x00\x18ftypmp42"


def _start(h: BaseHTTPRequestHandler, length: int | None) -> bool:
    h.send_response(200)
    h.send_header("Content-Type", "video/mp4")
    if length is not None:
        h.send_header("Content-Length", str(length))
    h.end_headers()
    return h.command == "GET"


def endless(h: BaseHTTPRequestHandler) -> None:
    """200 with no length, then bytes until the client hangs up."""
    if _start(h, None):
        h.wfile.write(HEAD)
        while True:
            h.wfile.write(b"\x00" * 65536)


def drip(h: BaseHTTPRequestHandler) -> None:
    """A 10 kB promise kept at one byte every half second."""
    if _start(h, 10_000):
        h.wfile.write(HEAD)
        for _ in range(10_000):
            h.wfile.write(b"\x00")
            h.wfile.flush()
            time.sleep(0.5)


def short(h: BaseHTTPRequestHandler) -> None:
    """Claims 200 kB, sends 50 kB, closes."""
    if _start(h, 200_000):
        h.wfile.write(HEAD + b"\x00" * 50_000)
        h.close_connection = True


@pytest.mark.parametrize("ext", ["mp4", "png"])
@pytest.mark.parametrize(
    ("handler", "kind"),
    [
        (endless, FailureKind.TOO_LARGE),
        (drip, FailureKind.TIMEOUT),
        (short, FailureKind.NETWORK),
    ],
)
@pytest.mark.slow
async def test_hostile_bodies_end_with_a_specific_failure(
    downloaders, tmp_path: Path, handler, kind: FailureKind, ext: str
) -> None:
    """Too large, too slow, or cut short: a named failure within the timeout, from both."""
    with MediaServer() as media:
        url = media.add_route(f"/x.{ext}", handler)
        started = time.monotonic()
        with pytest.raises(DownloadFailedError) as failure:
            await fetch(check_url(url), tmp_path, downloaders.route, LIMITS, lambda e: None)
    assert failure.value.kind is kind, failure.value.detail
    assert time.monotonic() - started < LIMITS.timeout + 5


@pytest.mark.parametrize("ext", ["mp4", "png"])
async def test_a_redirect_loop_fails_without_hanging(downloaders, tmp_path: Path, ext: str) -> None:
    """/a → /b → /a …: the downloaders give up; nothing is written."""
    with MediaServer() as media:
        media.add_redirect(f"/a.{ext}", f"/b.{ext}")
        url = media.add_redirect(f"/b.{ext}", f"/a.{ext}").replace("/b.", "/a.")
        with pytest.raises(DownloadFailedError) as failure:
            await fetch(check_url(url), tmp_path, downloaders.route, LIMITS, lambda e: None)
    assert failure.value.kind is FailureKind.REDIRECTS, failure.value.detail
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_job_writing_too_many_files_is_stopped(downloaders, tmp_path: Path) -> None:
    """The watcher counts files: past MAX_FILES_PER_JOB (plus a little slack) it stops."""
    from boss_bot.downloaders._watch import FILE_SLACK, check

    limits = JobLimits(max_files=5)
    for n in range(5 + FILE_SLACK):
        (tmp_path / f"{n}.jpg").write_bytes(b"x")
    assert check(tmp_path, limits) == 5 + FILE_SLACK
    (tmp_path / "one-more.jpg").write_bytes(b"x")
    with pytest.raises(DownloadFailedError) as failure:
        check(tmp_path, limits)
    assert failure.value.kind is FailureKind.TOO_MANY_FILES
    assert failure.value.user_message() == "The link holds more than the 5 files one job may take."
