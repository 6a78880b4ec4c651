"""The caption card's facts: reported by the download child, checked, and made a ``Card``."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from boss_bot.core.card import Card
from boss_bot.core.jobs.fetching import fetch, validate
from boss_bot.core.ports import JobLimits
from boss_bot.core.ports.downloader import card_of
from boss_bot.downloaders._card import card_from
from boss_bot.downloaders.libraries.card_facts import from_gallerydl, from_ytdlp, guarded
from tests.support.media_server import MediaServer

LIMITS = JobLimits(timeout=60, allow_private=True, ffmpeg=None)
PAGE = """<html><head><title>Page</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "VideoObject",
"name": "A *bold* clip for @everyone", "uploadDate": "2024-05-01T10:00:00Z",
"duration": "PT2S", "contentUrl": "{video}", "thumbnailUrl": "{thumb}",
"author": {{"@type": "Person", "name": "Ann Author"}}, "description": "What it shows."}}
</script></head><body></body></html>"""


async def _fetch(downloaders, url: str, dest: Path) -> list[Path]:
    return await fetch(
        await validate(url, allow_private=True), dest, downloaders.route, LIMITS, lambda e: None
    )


@pytest.mark.slow
async def test_ytdlp_reports_the_pages_title_author_date_and_thumbnail(
    downloaders, media_dir: Path, tmp_path: Path
) -> None:
    """A page yt-dlp's generic extractor reads (JSON-LD) gives the card its facts."""
    with MediaServer() as media:
        video = media.add_file("/v/clip.mp4", media_dir / "clip.mp4", "video/mp4")
        thumb = media.url("/v/thumb.jpg")
        page = media.add_html("/watch", PAGE.format(video=video, thumb=thumb))
        files = await _fetch(downloaders, page, tmp_path)
    assert card_of(files) == Card(
        title="A *bold* clip for @everyone",
        author="Ann Author",
        source_url=page,
        duration=2.0,
        uploaded=date(2024, 5, 1),
        thumbnail_url=thumb,
        description="What it shows.",
    )


@pytest.mark.slow
async def test_a_direct_video_link_names_itself_and_its_source(
    downloaders, media_server: MediaServer, tmp_path: Path
) -> None:
    """yt-dlp on a bare mp4: the title is the file's name, the source the link, no thumbnail."""
    url = media_server.url("/v/clip.mp4")
    card = card_of(await _fetch(downloaders, url, tmp_path))
    assert card is not None
    assert (card.title, card.source_url, card.thumbnail_url) == ("clip", url, "")


@pytest.mark.slow
async def test_gallerydl_reports_a_direct_links_name_and_source(
    downloaders, media_server: MediaServer, tmp_path: Path
) -> None:
    """gallery-dl's metadata of the first file reaches the card too."""
    url = media_server.url("/i/pic.png")
    card = card_of(await _fetch(downloaders, url, tmp_path))
    assert card is not None
    assert (card.title, card.source_url) == ("pic", url)


def test_untrusted_values_are_checked_and_capped() -> None:
    """Wrong types, other schemes, hidden characters and huge texts do not pass as they are."""
    facts = from_ytdlp(
        {
            "title": "x" * 5000 + "\u202e",
            "uploader": ["not", "a", "name"],
            "uploader_url": "javascript:alert(1)",
            "webpage_url": "file:///etc/passwd",
            "thumbnail": "https://cdn.example/t.jpg",
            "duration": float("nan"),
            "upload_date": "2024-13-45",
        }
    )
    assert facts == {"title": "x" * 512, "thumbnail_url": "https://cdn.example/t.jpg"}
    assert guarded(from_ytdlp, 42) == {}


def test_a_tweets_metadata_names_its_author_and_text() -> None:
    """gallery-dl's Twitter metadata: the text, "Name (@handle)" with a link, the date."""
    kwdict = {
        "category": "twitter",
        "content": "Look at this\nnew line",
        "author": {"name": "ann_dev", "nick": "Ann"},
        "date": datetime(2024, 5, 1, 9, 30),
    }
    card = card_from(from_gallerydl(kwdict, "https://x.com/ann_dev/status/1"))
    assert card == Card(
        author="Ann (@ann_dev)",
        author_url="https://x.com/ann_dev",
        source_url="https://x.com/ann_dev/status/1",
        uploaded=date(2024, 5, 1),
        description="Look at this\nnew line",
    )


def test_a_reddit_posts_metadata_links_the_post_and_its_author() -> None:
    """gallery-dl's Reddit metadata: title, u/author, the permalink as the source."""
    kwdict = {
        "category": "reddit",
        "title": "My cat",
        "author": "someone",
        "date": datetime(2023, 1, 2, tzinfo=UTC),
        "permalink": "/r/cats/comments/abc/my_cat/",
    }
    card = card_from(from_gallerydl(kwdict, "https://redd.it/abc"))
    assert card is not None
    assert (card.title, card.author, card.source_url) == (
        "My cat",
        "u/someone",
        "https://www.reddit.com/r/cats/comments/abc/my_cat/",
    )
    assert card.author_url == "https://www.reddit.com/user/someone"


def test_the_parent_checks_what_the_child_sent() -> None:
    """A child's facts are checked again: bad links and types dropped, nothing said is None."""
    assert card_from({"title": 5, "source_url": "ftp://x"}) is None
    assert card_from("not a dict") is None
    assert card_from({"author": "A", "uploaded": "2024-05-01"}) == Card(
        author="A", uploaded=date(2024, 5, 1)
    )
