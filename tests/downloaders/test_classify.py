"""Each library failure maps to the kind, and so the message, a user can act on.

The exceptions are the libraries' own, raised and reported the way they do it:
yt-dlp's ``YoutubeDL.report_error`` wraps the active exception in a ``DownloadError``;
gallery-dl logs ``"<Class>: <message>"`` and ORs the exception's ``code`` into the
status ``DownloadJob.run()`` returns.
"""

import io

import pytest
import yt_dlp
from yt_dlp.networking import Response
from yt_dlp.networking.exceptions import HTTPError, TransportError
from yt_dlp.utils import DownloadError, ExtractorError, GeoRestrictedError, UnsupportedError

from boss_bot.downloaders.libraries.ytdlp import classify
from boss_bot.errors import DownloadFailedError
from boss_bot.errors.kinds import MESSAGES
from boss_bot.errors.kinds import FailureKind as K


class _Quiet:
    def debug(self, msg: str) -> None: ...

    warning = error = info = debug


def _reported(exc: Exception) -> DownloadError:
    """What yt-dlp raises after catching ``exc`` in an extractor or downloader."""
    ydl = yt_dlp.YoutubeDL({"logger": _Quiet(), "quiet": True})
    try:
        raise exc
    except Exception:
        with pytest.raises(DownloadError) as caught:
            ydl.report_error(str(exc))
    return caught.value


def _http(status: int) -> HTTPError:
    return HTTPError(Response(io.BytesIO(b""), "https://example.com/private/v", {}, status=status))


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (_http(404), K.NOT_FOUND),
        (_http(410), K.REMOVED),
        (_http(401), K.LOGIN_REQUIRED),
        (_http(403), K.FORBIDDEN),
        (_http(451), K.GEO_BLOCKED),
        (_http(429), K.RATE_LIMITED),
        (_http(503), K.SERVER_ERROR),
        (TransportError("Connection reset by peer"), K.NETWORK),
        (UnsupportedError("https://example.com/page"), K.UNSUPPORTED),
        (GeoRestrictedError("This video is not available from your location"), K.GEO_BLOCKED),
        (
            ExtractorError(
                "Private video. Sign in if you've been granted access to this video", expected=True
            ),
            K.PRIVATE,
        ),
        (
            ExtractorError(
                "Sign in to confirm your age. This video may be inappropriate for some users.",
                expected=True,
            ),
            K.AGE_RESTRICTED,
        ),
        (
            ExtractorError(
                "Video unavailable. This video has been removed by the uploader", expected=True
            ),
            K.REMOVED,
        ),
        (
            ExtractorError(
                "Sign in to confirm you're not a bot. Use --cookies-from-browser", expected=True
            ),
            K.LOGIN_REQUIRED,  # yt-dlp's answer to YouTube's bot check is cookies
        ),
        (
            ExtractorError(
                "This video is only available for registered users. Use --cookies, "
                "--cookies-from-browser, --username and --password",
                expected=True,
            ),
            K.LOGIN_REQUIRED,
        ),
        (
            ExtractorError(
                "Requested content is not available, rate-limit reached or login required",
                cause=_http(403),
            ),
            K.LOGIN_REQUIRED,  # a 403 that says "login" is a login wall
        ),
        (ExtractorError("Unable to download webpage", cause=_http(403)), K.FORBIDDEN),
        (ExtractorError("Video unavailable. This video is private", expected=True), K.PRIVATE),
        (ExtractorError("Video unavailable", expected=True), K.REMOVED),
        (OSError(28, "No space left on device"), K.UNKNOWN),
        (ExtractorError("Unable to extract title; please report this issue"), K.EXTRACTOR_BROKEN),
    ],
)
def test_ytdlp_errors(exc: Exception, kind: K) -> None:
    """The cause inside yt-dlp's DownloadError decides, not words in the URL."""
    assert classify(_reported(exc)).kind is kind


def test_every_kind_has_a_message_and_only_network_trouble_is_retried() -> None:
    """Each kind has a message; network, 5xx and rate limits are the transient ones."""
    assert set(MESSAGES) == set(K)
    assert {k for k in K if k.transient} == {K.NETWORK, K.SERVER_ERROR, K.RATE_LIMITED}
    failure = DownloadFailedError(K.SERVER_ERROR, "503")
    failure.tries = 3
    assert failure.user_message().endswith("(Tried 3 times.)")
    assert "ref `a1b2c3`" in DownloadFailedError(K.UNKNOWN).user_message(ref="a1b2c3")


def test_words_inside_urls_do_not_decide() -> None:
    """A subreddit named "private" does not make a timeout a privacy problem."""
    from boss_bot.downloaders.libraries.classify import kind_for_text

    assert kind_for_text("GET https://reddit.com/r/private/comments/1 timed out") is K.NETWORK
    assert kind_for_text("HTTP Error 502: Bad Gateway") is K.SERVER_ERROR
    assert kind_for_text("the shop was closed for 500 days") is K.UNKNOWN
