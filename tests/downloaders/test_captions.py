"""Subtitles for search, read by the real yt-dlp from a page's ``<track>`` on loopback."""

from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from boss_bot.core.captions import MAX_STRETCHES, Caption
from boss_bot.core.jobs.fetching import fetch, validate
from boss_bot.core.ports import JobLimits
from boss_bot.core.ports.downloader import card_of
from tests.support.media_server import MediaServer

LIMITS = JobLimits(timeout=60, allow_private=True, ffmpeg=None, subtitle_langs=("en.*",))
PAGE = """<html><head><title>Bridge over the river</title></head><body>
<video><source src="clip.mp4" type="video/mp4">
<track kind="subtitles" src="subs.vtt" srclang="en"></video></body></html>"""
VTT = """WEBVTT

00:00:00.000 --> 00:00:04.000
The <c.yellow>old</c> bridge.

00:00:35.000 --> 00:00:38.000
It crosses the river &amp; the valley.

00:01:10.000 --> 00:01:12.000
<v Ann>Goodbye.</v>
"""


def _page(media: MediaServer, media_dir: Path, subtitles: bytes | None = None) -> str:
    media.add_file("/v/clip.mp4", media_dir / "clip.mp4", "video/mp4")
    if subtitles is not None:
        media.add_file("/v/subs.vtt", subtitles, "text/vtt")
    return media.add_html("/v/watch.html", PAGE)


async def _fetch(downloaders, url: str, dest: Path, limits: JobLimits = LIMITS) -> list[Path]:
    checked = await validate(url, allow_private=True)
    return await fetch(checked, dest, downloaders.route, limits, lambda e: None)


@pytest.mark.slow
async def test_the_pages_subtitles_come_in_stretches_with_their_starts(
    downloaders, media_dir: Path, tmp_path: Path
) -> None:
    """With ``en.*`` asked, the card holds the track's cues as plain text, by start time."""
    with MediaServer() as media:
        files = await _fetch(downloaders, _page(media, media_dir, VTT.encode()), tmp_path)
    card = card_of(files)
    assert card is not None
    assert card.title.startswith("Bridge over the river")
    assert card.captions == (
        Caption(0.0, "The old bridge."),
        Caption(35.0, "It crosses the river & the valley."),
        Caption(70.0, "Goodbye."),
    )


@pytest.mark.slow
async def test_without_languages_the_subtitles_are_never_requested(
    downloaders, media_dir: Path, tmp_path: Path
) -> None:
    """No languages asked: the server's log has no request for the track, the card none."""
    with MediaServer() as media:
        page = _page(media, media_dir, VTT.encode())
        files = await _fetch(downloaders, page, tmp_path, replace(LIMITS, subtitle_langs=()))
        assert media.hits("/v/clip.mp4") >= 1
        assert media.hits("/v/subs.vtt") == 0
    card = card_of(files)
    assert card is not None
    assert card.captions == ()


def _lying_length(h: BaseHTTPRequestHandler) -> None:
    """Claims 3 GB, sends one cue, and closes."""
    h.send_response(200)
    h.send_header("Content-Type", "text/vtt")
    h.send_header("Content-Length", str(3 * 1024**3))
    h.end_headers()
    h.wfile.write(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfirst\n\n")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["huge", "binary", "lying length"])
async def test_a_hostile_track_is_capped_or_dropped_and_the_video_still_comes(
    downloaders, media_dir: Path, tmp_path: Path, kind: str
) -> None:
    """3 MB of cues with mentions and markup, binary bytes, a false 3 GB length: files come."""
    cue = "{m:02d}:{s:02d}.000 --> {m:02d}:{s:02d}.500\n<b>@everyone</b> <@123> spam {n}.\n\n"
    huge = "WEBVTT\n\n" + "".join(
        cue.format(m=n // 60 % 60, s=n % 60, n=n) for n in range(0, 60_000)
    )
    with MediaServer() as media:
        body = {"huge": huge.encode(), "binary": bytes(range(256)) * 4096}.get(kind)
        page = _page(media, media_dir, body)
        if body is None:
            media.add_route("/v/subs.vtt", _lying_length)
        files = await _fetch(downloaders, page, tmp_path)
    assert [path.suffix for path in files] == [".mp4"]
    card = card_of(files)
    assert card is not None
    if kind == "huge":
        assert 0 < len(card.captions) <= MAX_STRETCHES
        assert all("<" not in c.text and "@everyone" in c.text for c in card.captions)
    else:
        assert card.captions == ()
