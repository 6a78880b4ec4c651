"""Which library tries a link first, as the real libraries' extractors say (no network).

Asked of the warm fork server, as a job asks: gallery-dl's ``extractor.find`` and
yt-dlp's ``suitable`` are pattern matching, so real links of each platform work offline.
"""

import sys

import pytest

from boss_bot.downloaders.engines import GALLERYDL, YTDLP
from boss_bot.downloaders.fallback import ask_claims
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.routing import Downloaders

GALLERYDL_FIRST, YTDLP_FIRST = (GALLERYDL, YTDLP), (YTDLP, GALLERYDL)


@pytest.mark.parametrize(
    ("url", "claimed", "expected"),
    [  # both claim: gallery-dl for images and galleries, yt-dlp for video-only posts
        ("https://x.com/jack/status/20", {GALLERYDL, YTDLP}, GALLERYDL_FIRST),
        ("https://twitter.com/jack/status/20", {GALLERYDL, YTDLP}, GALLERYDL_FIRST),
        (
            "https://www.reddit.com/r/pics/comments/abc123/a_title/",
            {GALLERYDL, YTDLP},
            GALLERYDL_FIRST,
        ),
        ("https://www.instagram.com/p/CxYz123AbC/", {GALLERYDL, YTDLP}, GALLERYDL_FIRST),
        (
            "https://www.tiktok.com/@user/video/7312345678901234567",
            {GALLERYDL, YTDLP},
            GALLERYDL_FIRST,
        ),
        ("https://imgur.com/a/abcDEF1", {GALLERYDL, YTDLP}, GALLERYDL_FIRST),
        (
            "https://bsky.app/profile/user.bsky.social/post/3kabcdefghi2x",
            {GALLERYDL, YTDLP},
            GALLERYDL_FIRST,
        ),
        ("https://staff.tumblr.com/post/123456789/a-title", {GALLERYDL, YTDLP}, GALLERYDL_FIRST),
        # only gallery-dl claims: TikTok photo posts, Pixiv, fixup links, i.redd.it
        ("https://www.tiktok.com/@user/photo/7312345678901234567", {GALLERYDL}, GALLERYDL_FIRST),
        ("https://www.pixiv.net/en/artworks/12345678", {GALLERYDL}, GALLERYDL_FIRST),
        ("https://fxtwitter.com/jack/status/20", {GALLERYDL}, GALLERYDL_FIRST),
        ("https://redd.it/abc123", {GALLERYDL}, GALLERYDL_FIRST),
        # only yt-dlp claims: video sites
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", {YTDLP}, YTDLP_FIRST),
        ("https://youtu.be/dQw4w9WgXcQ", {YTDLP}, YTDLP_FIRST),
        ("https://vimeo.com/123456789", {YTDLP}, YTDLP_FIRST),
        # neither: v.redd.it and direct video links to yt-dlp's generic, pictures to gallery-dl
        ("https://v.redd.it/abc123xyz", set(), YTDLP_FIRST),
        ("https://example.com/clip.mp4", set(), YTDLP_FIRST),
        ("https://example.com/a/page", set(), YTDLP_FIRST),
        ("https://example.com/pic.JPG?size=large", set(), GALLERYDL_FIRST),
    ],
)
async def test_each_platform_goes_to_the_right_library_first(
    downloaders, url: str, claimed: set[str], expected: tuple[str, str]
) -> None:
    """Both claim → gallery-dl, then yt-dlp; one claims → it first; neither → by suffix."""
    claims = await ask_claims(downloaders.forker, url)
    assert set(claims["claimed"]) == claimed
    assert await downloaders.order_for(url) == expected


async def test_claims_name_the_extractor(downloaders) -> None:
    """The answer names each library's extractor, as the logs show it."""
    claims = await ask_claims(downloaders.forker, "https://x.com/jack/status/20")
    assert claims["claimed"] == {GALLERYDL: "twitter", YTDLP: "Twitter"}
    assert claims["seconds"] >= 0


async def test_without_an_answer_the_suffix_decides(logged: list[str]) -> None:
    """A server that cannot answer costs the job nothing: pictures to gallery-dl, else yt-dlp."""
    with Forker([sys.executable, "-c", "pass"]) as forker:  # exits without answering
        routes = Downloaders(forker)
        assert await routes.order_for("https://x.com/jack/status/20") == YTDLP_FIRST
        assert await routes.order_for("https://example.com/pic.png") == GALLERYDL_FIRST
    assert any("could not ask the fork server" in line for line in logged)
