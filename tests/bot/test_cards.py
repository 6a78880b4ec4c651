"""The caption card: the embed on the first message of a job's files, and its poster."""

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import discord
import discord.ext.test as dpytest
import pytest

from boss_bot.bot.cards import POSTER_NAME, card_post, grouped
from boss_bot.bot.posted import media_count
from boss_bot.bot.sending import send_group
from boss_bot.core.card import Card
from tests.bot.conftest import drain, sent
from tests.fakes import FakeDownloader
from tests.support.media import make_video

LINK = "https://example.com/watch/1"


def test_a_long_title_is_cut_to_discords_limit_after_escaping() -> None:
    """A 1000-character title full of markdown ends at 256 characters with "…", still escaped."""
    post = card_post(Card(title="*a*_" * 250, source_url=LINK), LINK)
    assert post is not None
    title = post.embed.title or ""
    assert len(title) <= 256
    assert title.endswith("…")
    assert title.startswith(r"\*a\*\_")
    assert not title.removesuffix("…").endswith("\\")  # never a cut escape


def test_markdown_and_mentions_are_inert() -> None:
    """Bold, links, headings and @everyone/@here/user mentions never render as such."""
    card = Card(
        title="**big** @everyone",
        author="@here <@123456789012345678>",
        description="# Heading\n> quote\n1. first\n[click](https://evil.example)",
        source_url=LINK,
    )
    post = card_post(card, LINK)
    assert post is not None
    embed = post.embed
    assert embed.title == "\\*\\*big\\*\\* @\u200beveryone"
    assert embed.author.name == "@\u200bhere <@\u200b123456789012345678>"
    assert embed.description == (
        "\\# Heading\n\\> quote\n1\\. first\n\\[click](https://evil.example)"
    )


def test_the_card_shows_every_fact_within_discords_total() -> None:
    """Title with the source link, author with theirs, duration, date, the site's thumbnail."""
    card = Card(
        title="t" * 900,
        author="a" * 900,
        author_url="https://example.com/ann",
        source_url=LINK,
        duration=3725.4,
        uploaded=date(2024, 5, 1),
        thumbnail_url="https://cdn.example/t.jpg",
        description="d" * 5000,
    )
    post = card_post(card, "https://example.com/typed")
    assert post is not None
    embed = post.embed
    assert (embed.url, embed.author.url, embed.thumbnail.url) == (
        LINK,
        "https://example.com/ann",
        "https://cdn.example/t.jpg",
    )
    assert [(f.name, f.value) for f in embed.fields] == [
        ("Duration", "1:02:05"),
        ("Uploaded", "1 May 2024"),
    ]
    assert len(embed.description or "") <= 300
    assert len(embed) <= 6000
    assert post.poster is None


def test_without_a_thumbnail_the_poster_is_attached(tmp_path: Path) -> None:
    """No thumbnail from the site: the poster frame is the thumbnail, as an attachment."""
    poster = tmp_path / ".poster.jpg"
    poster.write_bytes(b"\xff\xd8\xff")
    post = card_post(Card(title="clip", poster=poster), LINK)
    assert post is not None
    assert post.embed.thumbnail.url == f"attachment://{POSTER_NAME}"
    assert [file.filename for file in post.files()] == [POSTER_NAME]
    assert post.embed.url == LINK  # the member's link, as the site named no page


def test_an_empty_card_or_bad_links_show_nothing_wrong() -> None:
    """No facts: no card. A site's javascript: link is never put in the embed."""
    assert card_post(None, LINK) is None
    assert card_post(Card(source_url=LINK), LINK) is None
    post = card_post(Card(author="A", author_url="javascript:x", thumbnail_url="file:/x"), LINK)
    assert post is not None
    assert (post.embed.author.url, post.embed.thumbnail.url) == (None, None)
    assert post.embed.title == "Post on example.com"


def test_the_poster_takes_a_place_and_bytes_in_the_first_message(tmp_path: Path) -> None:
    """Ten files and a poster: nine go with the poster; a poster with no room is left out."""
    files = []
    for n in range(10):
        files.append(tmp_path / f"{n}.jpg")
        files[-1].write_bytes(b"x" * 100)
    poster = tmp_path / ".poster.jpg"
    poster.write_bytes(b"p" * 50)
    post = card_post(Card(title="t", poster=poster), LINK)
    groups, kept = grouped(files, 10_000, post)
    assert [len(group) for group in groups] == [9, 1]
    assert kept is post
    groups, kept = grouped(files[:1], 120, post)
    assert [len(group) for group in groups] == [1]
    assert kept is not None
    assert kept.poster is None
    assert kept.embed.thumbnail.url is None


def test_the_poster_is_not_counted_as_a_delivered_file() -> None:
    """A restart counts the job's files in the channel: the card's poster is not one."""
    names = [SimpleNamespace(filename=name) for name in ("clip.mp4", POSTER_NAME)]
    with_card = SimpleNamespace(attachments=names, embeds=[discord.Embed(title="t")])
    assert media_count(with_card) == 1  # type: ignore[arg-type]
    assert media_count(SimpleNamespace(attachments=names, embeds=[])) == 2  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real 2 s mp4, for the poster frame."""
    return make_video(tmp_path_factory.mktemp("card") / "clip.mp4").read_bytes()


@pytest.mark.parametrize("on", [True, False])
async def test_the_files_reply_carries_the_card(make_bot, video: bytes, on: bool) -> None:
    """``$dlt``: one embed with the title, the link and a poster; none with CAPTION_CARD off."""
    fake = FakeDownloader(files={"clip.mp4": video}, card=Card(title="My *clip*", source_url=LINK))
    bot = await make_bot(fake.route, caption_card=on)
    await dpytest.message("$dlt https://example.com/clip.mp4")
    dpytest.get_message()
    await drain(bot)
    reply = sent()[0]
    names = [attachment.filename for attachment in reply.attachments]
    if not on:
        assert (reply.embeds, names) == ([], ["clip.mp4"])
        return
    assert len(reply.embeds) == 1
    embed = reply.embeds[0]
    assert (embed.title, embed.url) == ("My \\*clip\\*", LINK)
    assert embed.thumbnail.url == f"attachment://{POSTER_NAME}"
    assert names == ["clip.mp4", POSTER_NAME]


class _Channel:
    """A channel whose first message with an embed Discord refuses (400)."""

    def __init__(self) -> None:
        self.sent: list[dict] = []

    async def send(self, **kwargs: object) -> SimpleNamespace:
        if kwargs.get("embeds") and not self.sent:
            self.sent.append({})
            raise discord.HTTPException(SimpleNamespace(status=400, reason="Bad"), "embeds")
        self.sent.append(kwargs)
        return SimpleNamespace(id=len(self.sent))


async def test_a_card_discord_refuses_is_dropped_not_the_files(tmp_path: Path) -> None:
    """A 400 for the card: the files are posted again without it, and counted once."""
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypisom")
    post = card_post(Card(title="t"), LINK)
    channel, counted = _Channel(), []
    await send_group(
        channel,  # type: ignore[arg-type]
        [clip],
        None,
        lambda n, _: counted.append(n),
        nonce=lambda i, n: f"{i}.{n}",
        card=post,
    )
    assert counted == [1]
    assert channel.sent[-1]["nonce"] == "0.1"  # the refused message was not made: same nonce
    assert channel.sent[-1]["embeds"] == []
    assert [file.filename for file in channel.sent[-1]["files"]] == ["clip.mp4"]
