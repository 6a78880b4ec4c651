"""``$health`` names the downloaders' versions and release dates, and warns when they age."""

from datetime import date
from importlib.metadata import version

import discord.ext.test as dpytest
import pytest

from boss_bot.bot import health_lines


class _Year2100(date):
    """A clock far in the future: every release is then older than any maximum age."""

    @classmethod
    def today(cls) -> "_Year2100":
        return cls(2100, 1, 1)


async def test_health_shows_versions_and_dates_without_a_warning(make_bot) -> None:
    """Both libraries with their version and date; young enough, so no warning."""
    await make_bot(downloader_max_age_days=10**6)
    await dpytest.message("$health")
    text = dpytest.get_message().content
    assert f"yt-dlp {version('yt-dlp')} (released " in text
    assert f"gallery-dl {version('gallery-dl')} (released " in text  # dated from uv.lock
    assert "days old" not in text
    assert "⚠️" not in text


async def test_health_warns_about_downloaders_older_than_the_maximum_age(
    make_bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past ``DOWNLOADER_MAX_AGE_DAYS``, each library gets a warning naming the cure."""
    monkeypatch.setattr(health_lines, "date", _Year2100)
    await make_bot(downloader_max_age_days=60, command_prefix="!")
    await dpytest.message("!health")
    text = dpytest.get_message().content
    for name in ("yt-dlp", "gallery-dl"):
        assert f"⚠️ {name} {version(name)} is " in text
    assert "days old: sites change often; run `bossbotctl upgrade` and `!restart`" in text


async def test_health_says_when_an_upgrade_waits_for_a_restart(make_bot) -> None:
    """A version installed after the start is named as not in use until ``$restart``."""
    bot = await make_bot(downloader_max_age_days=10**6)
    admin = bot.get_cog("Admin")
    admin.running = {**admin.running, "yt-dlp": "2020.01.01"}  # as if upgraded since
    await dpytest.message("$health")
    text = dpytest.get_message().content
    assert f"yt-dlp {version('yt-dlp')} is installed, but the bot still runs 2020.01.01" in text
    assert "`$restart` to use it" in text
    assert "gallery-dl" not in text.split("still runs")[1]
