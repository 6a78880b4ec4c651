"""A server's settings in effect: its stored values over the operator's defaults."""

import json
from collections.abc import Iterable
from typing import Any

from boss_bot.core.server_settings._keys import KEYS
from boss_bot.core.server_settings._model import ServerSettings
from boss_bot.settings import BotSettings


def stored_values(rows: Iterable[tuple[str, str | None]]) -> dict[str, Any]:
    """Stored ``(key, json)`` rows as model values: resets and unknown keys left out."""
    loaded = {k: json.loads(v) for k, v in rows if k in KEYS and v is not None}
    return {k: tuple(v) if isinstance(v, list) else v for k, v in loaded.items()}


def effective(
    settings: BotSettings, guild_id: int | None, stored: dict[str, Any]
) -> ServerSettings:
    """``stored`` over the operator's defaults.

    A non-empty ``ALLOWED_CHANNEL_IDS``/``ALLOWED_ROLE_IDS`` stays the ceiling even if it
    changed since a server chose its list: what is outside it is dropped, and a list
    left empty means the operator's.
    """
    values = {name: k.default(settings) for name, k in KEYS.items()} | stored
    for name, most in (
        ("allowed_channels", settings.allowed_channel_ids),
        ("allowed_roles", settings.allowed_role_ids),
    ):
        values[name] = tuple(v for v in values[name] if not most or v in most) or tuple(most)
    return ServerSettings(guild_id, **values)
