"""Failures that say what to do: no such site, a broken extractor, the platforms' own words.

The messages are the libraries' own: produced by running them (the resolver replaced,
so no look-up leaves this machine), raised the way their extractors raise them, or
copied from their sources where only a live site makes them.
"""

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
import yt_dlp
from yt_dlp.extractor.generic import GenericIE
from yt_dlp.utils import ExtractorError

from boss_bot.downloaders.libraries import gallerydl, ytdlp
from boss_bot.downloaders.libraries.classify import kind_for_status_bits, kind_for_text
from boss_bot.errors import DownloadFailedError
from boss_bot.errors.kinds import FailureKind as K
from tests.downloaders.test_classify import _Quiet, _reported


def _resolver_says(code: int, words: str) -> Callable[..., object]:
    def getaddrinfo(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(code, words)

    return getaddrinfo


@pytest.mark.parametrize("library", [gallerydl, ytdlp])
@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ((socket.EAI_NONAME, "Name or service not known"), K.NO_SUCH_SITE),
        ((socket.EAI_NONAME, "nodename nor servname provided, or not known"), K.NO_SUCH_SITE),
        ((socket.EAI_AGAIN, "Temporary failure in name resolution"), K.NETWORK),
    ],
)
def test_a_name_that_does_not_resolve_is_no_such_site(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, library, answer: tuple[int, str], kind: K
) -> None:
    """Each library, told "no such name", fails as NO_SUCH_SITE; a resolver hiccup stays NETWORK."""
    monkeypatch.setattr(socket, "getaddrinfo", _resolver_says(*answer))
    spec = {"engine": "", "url": "https://nosuch.example/a.jpg", "dest": str(tmp_path)}
    with pytest.raises(DownloadFailedError) as failure:
        library.run({**spec, "max_bytes": 10_000, "max_files": 1}, lambda **event: None)
    assert failure.value.kind is kind
    assert kind.transient is (kind is K.NETWORK)  # no such site is not tried three times


def test_ytdlp_unexpected_extractor_errors_mean_a_broken_extractor() -> None:
    """A pattern that no longer matches the page, a KeyError inside an extractor."""
    extractor = GenericIE(yt_dlp.YoutubeDL({"logger": _Quiet(), "quiet": True}))
    with pytest.raises(ExtractorError) as regex_failed:
        extractor._search_regex(r"data-video-id=(\d+)", "<html></html>", "video id")
    assert ytdlp.classify(_reported(regex_failed.value)).kind is K.EXTRACTOR_BROKEN
    try:
        {}["legacy"]
    except KeyError as exc:
        wrapped = ExtractorError("An extractor error has occurred.", cause=exc, video_id="1")
    assert ytdlp.classify(_reported(wrapped)).kind is K.EXTRACTOR_BROKEN
    instagram = ExtractorError("Unable to extract user id")  # as Instagram's extractor raises it
    assert ytdlp.classify(_reported(instagram)).kind is K.EXTRACTOR_BROKEN


@pytest.mark.parametrize(
    ("logged", "kind"),
    [
        (  # gallery-dl's job.py, for any exception an extractor did not expect
            "An unexpected error occurred: KeyError - 'legacy'. Please run gallery-dl again "
            "with the --verbose flag, copy its output and report this issue on "
            "https://codeberg.org/mikf/gallery-dl/issues .",
            K.EXTRACTOR_BROKEN,
        ),
        ("AbortExtraction: Tweet unavailable ('Suspended')", K.REMOVED),
        ("Tweet unavailable ('Suspended')", K.REMOVED),
        ("NotFoundError: Requested Suspended User could not be found", K.REMOVED),
        ("Rate limit exceeded", K.RATE_LIMITED),
        ("API rate limit exceeded", K.RATE_LIMITED),
        ("Missing media in post 3141592", K.NO_MEDIA),
    ],
)
def test_gallerydl_platform_messages(logged: str, kind: K) -> None:
    """gallery-dl's words for X and Reddit troubles pick their own message."""
    assert kind_for_status_bits(4, logged) is kind


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("No video could be found in this tweet", K.NO_MEDIA),
        ("There is no video in this post", K.NO_MEDIA),
        ("No media found", K.NO_MEDIA),
        ("abc123 is not a video or animated image", K.NO_MEDIA),
        ("Your IP address is blocked from accessing this post", K.FORBIDDEN),
        ("Your IP address is unable to access the Reddit API", K.FORBIDDEN),
    ],
)
def test_ytdlp_platform_messages(message: str, kind: K) -> None:
    """yt-dlp's expected errors for tweets, Instagram, Reddit, Imgur and TikTok."""
    assert ytdlp.classify(_reported(ExtractorError(message, expected=True))).kind is kind


def test_a_temporary_resolver_failure_is_network_trouble() -> None:
    """urllib3's words for EAI_AGAIN do not make a site disappear."""
    text = "Failed to resolve 'x.com' ([Errno -3] Temporary failure in name resolution)"
    assert kind_for_text(text) is K.NETWORK
