"""Which links auto-download takes by itself: media sites and media files, not pages."""

import pytest

from boss_bot.core.auto_links import worth_auto
from boss_bot.core.urls import check_url


@pytest.mark.parametrize(
    ("link", "taken"),
    [
        ("https://x.com/a/status/1", True),
        ("https://old.reddit.com/r/pics/comments/abc", True),
        ("https://youtu.be/dQw4w9WgXcQ", True),
        ("https://www.tiktok.com/@u/video/1", True),
        ("https://i.imgur.com/a.png", True),
        ("https://example.com/files/clip.MP4?token=1", True),
        ("https://example.com/news/story", False),
        ("https://example.com/", False),
        ("https://example.com/report.pdf", False),
    ],
)
def test_media_links_are_taken_pages_are_not(link: str, taken: bool) -> None:
    assert worth_auto(check_url(link)) is taken
