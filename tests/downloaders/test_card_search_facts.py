"""What search gets on the card besides the embed's facts: tags, and subtitles checked again."""

from boss_bot.downloaders._card import card_from
from boss_bot.downloaders.libraries.card_facts import from_gallerydl, from_ytdlp


def test_tags_categories_hashtags_and_the_subreddit_become_tags() -> None:
    """yt-dlp's tags and categories, gallery-dl's hashtags, tags and subreddit: cleaned, capped."""
    yt = card_from(from_ytdlp({"title": "T", "tags": ["a", "a", 5, "x" * 99], "categories": ["c"]}))
    assert yt is not None
    assert yt.tags == ("a", "x" * 64, "c")
    gd = card_from(
        from_gallerydl(
            {"category": "reddit", "subreddit": "cats", "hashtags": ["h"], "tags": "p q"}, "u"
        )
    )
    assert gd is not None
    assert gd.tags == ("h", "p", "q", "r/cats")
    many = card_from(from_ytdlp({"tags": [f"t{n}" for n in range(99)]}))
    assert many is not None
    assert len(many.tags) == 30


def test_the_parent_checks_tags_and_captions_the_child_sent() -> None:
    """Wrong types and bad starts are dropped on this side too."""
    card = card_from({"tags": ["ok", 3, ""], "captions": [[1, "said"], [-2, "x"], "no"]})
    assert card is not None
    assert card.tags == ("ok",)
    assert [(c.start, c.text) for c in card.captions] == [(1.0, "said")]
