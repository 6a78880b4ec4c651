"""The settings store: operator defaults and ceilings, changes kept in the file, migrations."""

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from boss_bot.core.server_settings import VERSION, MemberPreferences, SettingError, SettingsStore
from boss_bot.errors import ConfigError
from boss_bot.settings import BotSettings

GUILD, ADMIN = 111, (7, "Alice")
CHANNEL, OTHER = 100000000000000001, 100000000000000002


def _store(settings: BotSettings, path: Path) -> SettingsStore:
    return SettingsStore(path, settings, clock=lambda: datetime(2026, 12, 2, 6, 0, tzinfo=UTC))


def test_the_operators_values_are_the_defaults(
    make_settings: Callable[..., BotSettings], tmp_path: Path
) -> None:
    """Until a server sets anything, every key has the operator's value (or its default)."""
    settings = make_settings(command_prefix="?", max_jobs_per_user=4, guild_daily_quota_mb=300)
    server = _store(settings, tmp_path / "s.sqlite3").server(GUILD)
    assert (server.prefix, server.max_jobs_per_user, server.daily_quota_mb) == ("?", 4, 300)
    assert (server.allowed_channels, server.mention_on_done, server.auto_download) == (
        (),
        True,
        "off",
    )
    assert server.auto_download_in(CHANNEL) == "off"


def test_a_change_is_kept_in_the_file_with_who_made_it(make_settings, tmp_path: Path) -> None:
    """A set value survives reopening; the stamp says who and when; reset brings the default."""
    path = tmp_path / "s.sqlite3"
    store = _store(make_settings(), path)
    change = store.change(GUILD, "Prefix", " ! ", ADMIN)
    assert (change.key, change.old, change.new) == ("prefix", "`$`", "`!`")
    store.change(GUILD, "allowed_channels", f"<#{CHANNEL}>, {OTHER}", ADMIN)
    store.close()
    again = _store(make_settings(), path)
    assert again.server(GUILD).prefix == "!"
    assert again.server(GUILD).allowed_channels == (CHANNEL, OTHER)
    assert again.server(222).prefix == "$"  # another server is untouched
    assert again.stamps(GUILD)["prefix"].name == "Alice"
    again.change(GUILD, "prefix", None, (8, "Bob"))
    assert again.server(GUILD).prefix == "$"
    assert again.stamps(GUILD)["prefix"].reset
    assert again.stamps(GUILD)["prefix"].name == "Bob"


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("colour", "red", "The settings are: `prefix`, `allowed_channels`"),
        ("daily_quota_mb", "501", "from 1 to 500 MiB"),
        ("max_jobs_per_user", "0", "from 1 to 2"),
        ("max_jobs_per_user", "lots", "from 1 to 2"),
        ("prefix", "a b", "1 to 5 characters"),
        ("prefix", "toolong", "1 to 5 characters"),
        ("mention_on_done", "maybe", "`on` or `off`"),
        ("auto_download", "always", "`off`, `react`, `on`"),
        ("allowed_roles", "@everyone", "is not a role"),
        ("allowed_channels", "#general", "is not a channel"),
    ],
)
def test_a_bad_key_or_value_says_what_is_allowed_and_changes_nothing(
    make_settings, tmp_path: Path, key: str, value: str, says: str
) -> None:
    """Unknown keys list the keys; values outside the operator's ceiling name the range."""
    store = _store(make_settings(), tmp_path / "s.sqlite3")
    before = store.server(GUILD)
    with pytest.raises(SettingError) as caught:
        store.change(GUILD, key, value, ADMIN)
    assert says in str(caught.value)
    assert store.server(GUILD) == before
    assert store.stamps(GUILD) == {}


def test_the_operators_allow_list_stays_the_ceiling(make_settings, tmp_path: Path) -> None:
    """With ALLOWED_CHANNEL_IDS set, a server may only narrow it; ``none`` gives it back."""
    store = _store(make_settings(allowed_channel_ids=[CHANNEL, OTHER]), tmp_path / "s.sqlite3")
    with pytest.raises(SettingError, match="The operator allows only these channels"):
        store.change(GUILD, "allowed_channels", "100000000000000003", ADMIN)
    store.change(GUILD, "allowed_channels", str(OTHER), ADMIN)
    assert store.server(GUILD).allowed_channels == (OTHER,)
    store.change(GUILD, "allowed_channels", "none", ADMIN)
    assert store.server(GUILD).allowed_channels == (CHANNEL, OTHER)


def test_auto_download_channels(make_settings, tmp_path: Path) -> None:
    """``all`` is every channel; a list limits auto-download to it (threads follow their parent)."""
    store = _store(make_settings(), tmp_path / "s.sqlite3")
    store.change(GUILD, "auto_download", "react", ADMIN)
    assert store.server(GUILD).auto_download_in(OTHER) == "react"
    store.change(GUILD, "auto_download_channels", f"<#{CHANNEL}>", ADMIN)
    server = store.server(GUILD)
    assert (server.auto_download_in(CHANNEL), server.auto_download_in(OTHER)) == ("react", "off")
    assert server.auto_download_in(5, parent_id=CHANNEL) == "react"
    store.change(GUILD, "auto_download_channels", "all", ADMIN)
    assert store.server(GUILD).auto_download_channels is None


def test_members_preferences_are_kept(make_settings, tmp_path: Path) -> None:
    """A member's preferences are the defaults until set, and survive reopening."""
    path = tmp_path / "s.sqlite3"
    store = _store(make_settings(), path)
    assert store.member(5) == MemberPreferences(5, mention=True, dm=False, priority="normal")
    store.prefer(5, "mention", "off")
    store.prefer(5, "DM", "on")
    store.prefer(5, "priority", "low")
    with pytest.raises(SettingError, match="You can set: `mention`"):
        store.prefer(5, "volume", "11")
    with pytest.raises(SettingError, match="`low`, `normal`"):
        store.prefer(5, "priority", "high")
    store.close()
    assert _store(make_settings(), path).member(5) == MemberPreferences(5, False, True, "low")


def test_a_version_1_file_is_migrated_and_keeps_its_settings(make_settings, tmp_path: Path) -> None:
    """A file written by the first schema (server settings only) gains members' preferences."""
    path = tmp_path / "s.sqlite3"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE server_settings (guild_id INTEGER NOT NULL, key TEXT NOT NULL, value TEXT,"
        " changed_by INTEGER NOT NULL, changed_by_name TEXT NOT NULL, changed_at TEXT NOT NULL,"
        " PRIMARY KEY (guild_id, key))"
    )
    old.execute(
        "INSERT INTO server_settings VALUES (?, 'prefix', ?, 7, 'Alice', ?)",
        (GUILD, json.dumps("!"), "2026-01-01T00:00:00+00:00"),
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    store = _store(make_settings(), path)
    assert store.server(GUILD).prefix == "!"
    store.prefer(5, "dm", "on")
    assert store.member(5).dm
    store.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone() == (VERSION,) == (2,)
    assert check.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    check.close()


def test_a_file_from_a_newer_version_is_refused(make_settings, tmp_path: Path) -> None:
    """A schema this version does not know stops the start with one clear line."""
    path = tmp_path / "s.sqlite3"
    newer = sqlite3.connect(path)
    newer.execute(f"PRAGMA user_version = {VERSION + 1}")
    newer.close()
    with pytest.raises(ConfigError, match="newer than this boss-bot"):
        _store(make_settings(), path)


def test_every_change_is_logged_with_who_where_and_old_to_new(
    make_settings, tmp_path: Path, logged: list[str]
) -> None:
    """The operator's log names the key, the server, who, and the old and new values."""
    store = _store(make_settings(), tmp_path / "s.sqlite3")
    store.change(GUILD, "max_jobs_per_user", "1", ADMIN)
    store.change(GUILD, "max_jobs_per_user", None, ADMIN)
    assert "setting max_jobs_per_user of server 111 changed by Alice (7): 2 → 1\n" in logged
    assert "setting max_jobs_per_user of server 111 reset by Alice (7): 1 → 2\n" in logged


def test_reads_after_close_give_the_defaults(make_settings, tmp_path: Path) -> None:
    """A message during shutdown still gets a prefix: cached values, else the defaults."""
    store = _store(make_settings(), tmp_path / "s.sqlite3")
    store.change(GUILD, "prefix", "!", ADMIN)
    store.close()
    assert store.server(GUILD).prefix == "!"
    assert store.server(222).prefix == "$"
    assert store.member(5).priority == "normal"
