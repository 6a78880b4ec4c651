"""Remote file names: cleaned of hidden characters, shortened with their extension."""

import pytest

from boss_bot.core.media.names import clean_text, shown_name


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("cat\u202egnp.exe.png", "catgnp.exe.png"),
        ("a\u200bb\u2066c\u2069.jpg", "abc.jpg"),
        ("line\nbreak\u2028.mp4", "linebreak.mp4"),
        ("\u202e", "file"),
        (".mp4", ".mp4"),
        ("plain.webm", "plain.webm"),
    ],
)
def test_hidden_characters_are_dropped(raw: str, shown: str) -> None:
    """Bidi overrides, zero-width and control characters never reach a name."""
    assert shown_name(raw) == shown


def test_long_names_keep_their_extension() -> None:
    """A long name is cut to the limit, marked with an ellipsis, extension kept."""
    name = shown_name("é" * 300 + ".jpeg")
    assert len(name) == 100
    assert name.endswith("….jpeg")
    assert name.startswith("é")
    assert shown_name("x" * 200 + "." + "y" * 40, limit=50) == "x" * 49 + "…"


def test_clean_text_keeps_ordinary_text() -> None:
    """Letters, spaces, punctuation and emoji pass unchanged."""
    assert clean_text("Über café — 🎬 (2024)") == "Über café — 🎬 (2024)"
