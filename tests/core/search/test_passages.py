"""What gets indexed of an entry: one about passage, then one per caption stretch."""

from boss_bot.core.search.passages import Passage, passages

from .conftest import captions, entry


def test_about_first_then_each_caption_with_its_start() -> None:
    """The about passage holds title, uploader, tags, description and host; captions follow."""
    made = entry(
        "j1",
        title="Bridge",
        uploader="Ana",
        tags=("travel", "sf"),
        description="A walk.",
        source_url="https://www.youtube.com/watch?v=1",
        captions=captions("hello", "", "bye"),
    )
    assert passages(made) == [
        Passage("about", "Bridge\nAna\ntravel sf\nA walk.\nyoutube.com"),
        Passage("caption", "hello", 0.0),
        Passage("caption", "bye", 60.0),
    ]


def test_a_bad_source_url_gives_no_host() -> None:
    """A source URL that does not parse adds nothing, and raises nothing."""
    assert passages(entry("j1", title="T", uploader="", source_url="http://[oops"))[0].text == "T"
