"""The cookies file on disk: where it is, installing one, and a download's own copy.

Every copy is the cleaned form (``clean``), so yt-dlp and gallery-dl load it whatever
the exporter wrote, and is readable by its owner only (mode 600).
"""

import contextlib
import os
import tempfile
from http.cookiejar import Cookie
from pathlib import Path

from boss_bot.core.cookies._format import clean, parse, read
from boss_bot.core.storage.paths import Storage
from boss_bot.settings import BotSettings


def cookies_path(settings: BotSettings) -> Path:
    """``BOSS_BOT_COOKIES_FILE``, else ``cookies.txt`` in the data directory (maybe absent)."""
    return settings.cookies_file or Storage(settings.data_dir).cookies


def _write_private(directory: Path, prefix: str, text: str) -> Path:
    """A new file in ``directory`` holding ``text``, mode 600 from its creation."""
    fd, name = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".txt")  # mode 600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def install(source: Path, target: Path) -> list[Cookie]:
    """Check ``source`` and put its cookies, cleaned, at ``target`` (mode 600, atomically).

    Returns:
        The cookies installed.

    Raises:
        CookiesFormatError: ``source`` is not a cookies.txt; nothing was written.
        OSError: ``source`` cannot be read or ``target`` written.
    """
    text = read(source)
    cookies = parse(text)
    target.parent.mkdir(parents=True, exist_ok=True)
    written = _write_private(target.parent, f".{target.name}.", clean(text))
    try:
        written.replace(target)
    except BaseException:
        written.unlink(missing_ok=True)
        raise
    return cookies


def private_copy(source: Path, beside: Path) -> Path | None:
    """A copy of ``source`` for one download, next to (never in) its directory ``beside``.

    The caller removes it when the download ends; the data directory's start-up cleaning
    and the janitor remove one a crash left behind.

    Returns:
        The copy, or None when there is no file at ``source``.

    Raises:
        CookiesFormatError: ``source`` is not a cookies.txt.
        OSError: It cannot be read, or the copy written.
    """
    with contextlib.suppress(FileNotFoundError):
        text = clean(read(source))
        return _write_private(beside.parent, f".{beside.name}.cookies-", text)
    return None
