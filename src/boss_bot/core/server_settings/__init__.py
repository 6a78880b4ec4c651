"""Servers' settings (``$settings``) and members' preferences (``$dls set``), kept in SQLite.

Read with ``SettingsStore.server(guild_id)`` and ``SettingsStore.member(user_id)``: both
answer from memory, so call them on every command and job. The operator's environment
gives every default, and the most a server may set (``_keys``).
"""

from boss_bot.core.server_settings._keys import KEYS
from boss_bot.core.server_settings._kinds import Key
from boss_bot.core.server_settings._members import MEMBER_KEYS, show_preferences
from boss_bot.core.server_settings._model import (
    AutoDownload,
    Change,
    DefaultPriority,
    MemberPreferences,
    ServerSettings,
    Stamp,
)
from boss_bot.core.server_settings._schema import MIGRATIONS, VERSION
from boss_bot.core.server_settings._store import SettingsStore
from boss_bot.core.server_settings._values import SettingError

__all__ = [
    "KEYS",
    "MEMBER_KEYS",
    "MIGRATIONS",
    "VERSION",
    "AutoDownload",
    "Change",
    "DefaultPriority",
    "Key",
    "MemberPreferences",
    "ServerSettings",
    "SettingError",
    "SettingsStore",
    "Stamp",
    "show_preferences",
]
