"""``bossbotctl doctor``'s lines about yt-dlp and gallery-dl: version, release date, age."""

from collections.abc import Iterator
from datetime import date

from boss_bot.core.versions import library_versions
from boss_bot.settings import BotSettings


def downloader_checks(settings: BotSettings) -> Iterator[tuple[bool | None, str, str]]:
    """Yield one check per library: missing fails, older than the maximum age warns."""
    today = date.today()
    for found in library_versions():
        if found.version is None:
            yield False, found.name, "not installed; run `uv sync`"
            continue
        old = found.too_old(today, settings.downloader_max_age_days, settings.command_prefix)
        detail = old or found.describe(today)
        yield None if old else True, found.name, detail.removeprefix(f"{found.name} ")
