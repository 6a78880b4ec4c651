"""Names that remote servers choose (file names, later titles), made safe to pass on.

A server picks the names of the files it serves. They may carry control characters,
bidirectional overrides (U+202E turns "cat", U+202E, "gnp.exe.png" into what reads as
"catexe.png"),
or be longer than anything worth showing. Markdown and mentions are escaped where the
text is shown in Discord (``bot.render``); here, only what is true of any front end.
"""

import unicodedata
from pathlib import PurePath

MAX_NAME_CHARS = 100
MAX_SUFFIX_CHARS = 12  # ".jpeg", ".webm", ".m4a": longer "extensions" are part of the name
HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp"})  # controls, format (bidi, zero-width), breaks


def clean_text(text: str) -> str:
    """``text`` without control, format (bidi overrides, zero-width) or line-break characters."""
    return "".join(c for c in text if unicodedata.category(c) not in HIDDEN)


def shown_name(name: str, limit: int = MAX_NAME_CHARS) -> str:
    """A file name fit to show and attach: clean, at most ``limit`` characters, extension kept."""
    cleaned = clean_text(name).strip() or "file"
    suffix = PurePath(cleaned).suffix
    if len(suffix) > MAX_SUFFIX_CHARS or suffix == cleaned:
        suffix = ""
    if len(cleaned) <= limit:
        return cleaned
    stem = cleaned[: len(cleaned) - len(suffix)]
    return stem[: max(limit - len(suffix) - 1, 1)].rstrip() + "…" + suffix
