"""``SettingsStore``: servers' settings and members' preferences in ``settings.sqlite3``.

Reads come from memory (built once per server or member, rebuilt after a change), so
they are cheap enough for every command and job. Writes are one small synchronous
SQLite statement (WAL), like the job store's, and go through to the file at once.
"""

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from loguru import logger

from boss_bot.core.server_settings._effective import effective, stored_values
from boss_bot.core.server_settings._keys import key
from boss_bot.core.server_settings._members import parse_preference, preferences_of
from boss_bot.core.server_settings._model import Change, MemberPreferences, ServerSettings, Stamp
from boss_bot.core.server_settings._schema import open_database
from boss_bot.settings import BotSettings

Clock = Callable[[], datetime]


class SettingsStore:
    """Per-server settings (over the operator's defaults) and per-member preferences."""

    def __init__(self, path: Path, settings: BotSettings, clock: Clock | None = None) -> None:
        self.path, self.settings = path, settings
        self.clock = clock or (lambda: datetime.now(UTC))
        self._db: sqlite3.Connection = open_database(path)
        self._servers: dict[int | None, ServerSettings] = {}
        self._members: dict[int, MemberPreferences] = {}
        self._listeners: list[Callable[[int], None]] = []

    def server(self, guild_id: int | None) -> ServerSettings:
        """The settings in effect in ``guild_id`` (None, in DMs: the operator's)."""
        if guild_id not in self._servers:
            rows = self._read("SELECT key, value FROM server_settings WHERE guild_id = ?", guild_id)
            stored = stored_values(rows)
            self._servers[guild_id] = effective(self.settings, guild_id, stored)
        return self._servers[guild_id]

    def member(self, user_id: int) -> MemberPreferences:
        """The preferences of ``user_id`` (the defaults until they set one)."""
        if user_id not in self._members:
            rows = self._read(
                "SELECT key, value FROM member_preferences WHERE user_id = ?", user_id
            )
            self._members[user_id] = preferences_of(user_id, rows)
        return self._members[user_id]

    def stamps(self, guild_id: int) -> dict[str, Stamp]:
        """Who last changed or reset each key of ``guild_id``, and when."""
        rows = self._read(
            "SELECT key, changed_by, changed_by_name, changed_at, value IS NULL "
            "FROM server_settings WHERE guild_id = ?",
            guild_id,
        )
        return {
            k: Stamp(by, name, datetime.fromisoformat(at), bool(reset))
            for k, by, name, at, reset in rows
        }

    def change(self, guild_id: int, name: str, text: str | None, by: tuple[int, str]) -> Change:
        """Set ``name`` from the member's ``text`` (None: reset to the operator's default).

        Logged with who, where, and the old and new values; ``on_change`` listeners run.

        Raises:
            SettingError: An unknown key or a bad value; nothing is changed.
        """
        setting = key(name)
        value = None if text is None else setting.parse(text, self.settings)
        old = getattr(self.server(guild_id), setting.name)
        stored = None if text is None else json.dumps(value)
        self._db.execute(
            "INSERT OR REPLACE INTO server_settings VALUES (?, ?, ?, ?, ?, ?)",
            (guild_id, setting.name, stored, by[0], by[1], self.clock().isoformat()),
        )
        self._servers.pop(guild_id, None)
        new = getattr(self.server(guild_id), setting.name)
        done = Change(setting.name, setting.show(old), setting.show(new))
        done.log(guild_id, by, reset=text is None)
        for listener in self._listeners:
            listener(guild_id)
        return done

    def prefer(self, user_id: int, name: str, text: str) -> MemberPreferences:
        """Set one of ``user_id``'s preferences; return them all.

        Raises:
            SettingError: An unknown key or a bad value; nothing is changed.
        """
        pref, value = parse_preference(name, text)
        self._db.execute(
            "INSERT OR REPLACE INTO member_preferences VALUES (?, ?, ?, ?)",
            (user_id, pref, json.dumps(value), self.clock().isoformat()),
        )
        self._members.pop(user_id, None)
        logger.info("member {} set their preference {} to {}", user_id, pref, text.strip())
        return self.member(user_id)

    def on_change(self, listener: Callable[[int], None]) -> None:
        """Call ``listener(guild_id)`` after every change of a server's settings."""
        self._listeners.append(listener)

    def close(self) -> None:
        """Close the file; reads go on (from memory, else the defaults: shutting down)."""
        self._db.close()

    def _read(self, sql: str, *args: object) -> list[Any]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.ProgrammingError:  # closed: a message arrived while the bot stops
            return []
