"""Finding the link a "Download media" request means."""

from types import SimpleNamespace

import pytest

from boss_bot.bot.cogs.menu import first_link, links_in


def _message(content: str, *embed_urls: str | None) -> SimpleNamespace:
    return SimpleNamespace(content=content, embeds=[SimpleNamespace(url=u) for u in embed_urls])


@pytest.mark.parametrize(
    ("content", "embeds", "link"),
    [
        ("see https://x.com/a/status/1.", (), "https://x.com/a/status/1"),
        ("(<https://redd.it/abc>) wow", (), "https://redd.it/abc"),
        ("**https://v.redd.it/xyz**", (), "https://v.redd.it/xyz"),
        ("two: https://a.test/1 https://b.test/2", (), "https://a.test/1"),
        ("only text", (None, "https://youtu.be/q"), "https://youtu.be/q"),
        ("ftp://files.test/x and nothing else", (), None),
    ],
)
def test_first_link(content: str, embeds: tuple, link: str | None) -> None:
    assert first_link(_message(content, *embeds)) == link


def test_every_link_of_a_message_once_text_first() -> None:
    """Several links: all of them, each once, the text's before the embeds'."""
    message = _message(
        "two: https://a.test/1, https://b.test/2 and <https://a.test/1>",
        "https://a.test/1",
        "https://youtu.be/q",
    )
    assert links_in(message) == ["https://a.test/1", "https://b.test/2", "https://youtu.be/q"]
