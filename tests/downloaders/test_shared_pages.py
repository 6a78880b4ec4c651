"""What the fork server prepares for its children still behaves as yt-dlp's own.

The children read the server's extractor table and TLS contexts instead of making
their own (``ytdlp_lean``, ``tls_context``); the server looks a link's extractor up in
a throwaway fork (``_throwaway``). Memory is measured by ``scripts/bench_child_memory.py``.
"""

import ssl

import pytest

from boss_bot.core.jobs.fetching import fetch
from boss_bot.core.ports import JobLimits
from boss_bot.core.urls import check_url
from boss_bot.downloaders.engines import YTDLP
from boss_bot.downloaders.fork_server._throwaway import ask_in_fork
from boss_bot.downloaders.libraries import tls_context
from boss_bot.downloaders.libraries.ytdlp_lean import extractor_for

LIMITS = JobLimits(timeout=60, allow_private=True, ffmpeg=None)
REFRESH = '<html><head><meta http-equiv="refresh" content="0;url=/v/clip.mp4"></head></html>'


@pytest.mark.slow
async def test_a_page_that_sends_on_to_a_video_is_followed(
    downloaders, media_server, media_dir, tmp_path
) -> None:
    """yt-dlp's generic extractor hands the video on without a key: the child finds it."""
    url = media_server.add_html("/refresh.html", REFRESH)
    downloader = downloaders.route(check_url(url))
    files = await fetch(check_url(url), tmp_path, lambda _: downloader, LIMITS, lambda e: None)
    assert downloader.name == YTDLP
    assert [f.read_bytes() for f in files] == [(media_dir / "clip.mp4").read_bytes()]


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "Youtube"),
        ("https://vimeo.com/76979871", "Vimeo"),
        ("http://127.0.0.1:8000/v/clip.mp4", "Generic"),
    ],
)
def test_the_extractor_is_the_one_yt_dlp_would_choose(url: str, key: str) -> None:
    """A site's own extractor comes before the generic one, as in yt-dlp's own order."""
    assert extractor_for(url) == key


def test_a_question_asked_in_a_fork_comes_back_or_fails_with_its_error() -> None:
    """The answer crosses back as JSON; an exception in the copy is raised here."""
    assert ask_in_fork(str.split, "a b") == ["a", "b"]
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        ask_in_fork(lambda _: 1 / 0, "")


def test_handlers_that_ask_alike_share_a_context_and_still_verify() -> None:
    """The same arguments give the same context; verification is never shared away."""
    checking = tls_context.shared(verify=True, legacy_support=False, use_certifi=True)
    assert tls_context.shared(use_certifi=True, verify=True, legacy_support=False) is checking
    assert checking.verify_mode == ssl.CERT_REQUIRED
    assert checking.check_hostname
    lax = tls_context.shared(verify=False, legacy_support=False, use_certifi=True)
    assert lax is not checking
    assert lax.verify_mode == ssl.CERT_NONE
