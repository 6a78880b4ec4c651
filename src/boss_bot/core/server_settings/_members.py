"""Members' preferences: what ``$dls set <key> <value>`` takes, and reading stored rows."""

import json
from collections.abc import Iterable
from typing import Any

from boss_bot.core.server_settings import _values as V
from boss_bot.core.server_settings._model import MemberPreferences

MEMBER_KEYS = {
    "mention": "`on` or `off`: mention me when my job ends",
    "dm": "`on` or `off`: send me a direct message with a link when my job ends",
    "priority": "`low` or `normal`: my downloads' priority when I name none",
    "search": "`on` or `off`: keep my downloads in direct messages for `$find` there",
}


def parse_preference(name: str, text: str) -> tuple[str, Any]:
    """The key and value a member typed.

    Raises:
        SettingError: An unknown key or a bad value; the message says what is allowed.
    """
    key = name.strip().lower()
    if key not in MEMBER_KEYS:
        listed = "; ".join(f"`{k}` {v}" for k, v in MEMBER_KEYS.items())
        raise V.SettingError(f"There is no preference `{name[:30]}`. You can set: {listed}.")
    if key == "priority":
        return key, V.choice(text, ("low", "normal"))
    return key, V.switch(text)


def preferences_of(user_id: int, rows: Iterable[tuple[str, str]]) -> MemberPreferences:
    """A member's preferences from stored ``(key, json)`` rows (unknown keys skipped)."""
    values = {key: json.loads(value) for key, value in rows if key in MEMBER_KEYS}
    return MemberPreferences(user_id, **values)


def show_preferences(prefs: MemberPreferences) -> list[tuple[str, str]]:
    """Each preference as ``(key, value as text)``."""
    onoff = lambda v: "on" if v else "off"  # noqa: E731
    return [
        ("mention", onoff(prefs.mention)),
        ("dm", onoff(prefs.dm)),
        ("priority", prefs.priority),
        ("search", onoff(prefs.search)),
    ]
