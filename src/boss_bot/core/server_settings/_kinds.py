"""The kinds of server setting: a key's shape, lists of channels or roles, bounded numbers."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from boss_bot.core.server_settings import _values as V
from boss_bot.settings import BotSettings

Parse = Callable[[str, BotSettings], Any]


@dataclass(frozen=True, slots=True)
class Key:
    """One setting: what it takes, its operator's default, how to read and show it."""

    name: str
    takes: str
    default: Callable[[BotSettings], Any]
    parse: Parse
    show: Callable[[Any], str]
    env: str = ""


def ids_key(name: str, kind: str, env: str, empty: str, *, ceiling: bool) -> Key:
    """A list of channels or roles; with ``ceiling``, within the operator's list if it has one."""

    def parse(text: str, s: BotSettings) -> tuple[int, ...]:
        ids, most = V.ids(text, kind), getattr(s, env.lower()) if ceiling else []
        if most and not set(ids) <= set(most):
            allowed = V.show_ids(tuple(most), kind, "")
            raise V.SettingError(f"The operator allows only these {kind}s: {allowed}.")
        return ids

    takes = f"{kind}s, or `none` ({empty})"
    default = lambda s: tuple(getattr(s, env.lower()))  # noqa: E731
    return Key(name, takes, default, parse, lambda v: V.show_ids(v, kind, empty), env)


def number_key(name: str, env: str, unit: str) -> Key:
    """A whole number from 1 to the operator's value."""
    most = lambda s: getattr(s, env.lower())  # noqa: E731
    parse = lambda t, s: V.number(t, 1, most(s), unit)  # noqa: E731
    return Key(
        name, f"a number{unit}, 1 to the operator's", most, parse, lambda v: f"{v}{unit}", env
    )


def auto_channels(text: str, _s: BotSettings) -> tuple[int, ...] | None:
    return None if text.strip().lower() == "all" else V.ids(text, "channel") or None


def search_switch(text: str, s: BotSettings) -> bool:
    """``on`` or ``off``; ``on`` only while the operator keeps search (retention > 0)."""
    on = V.switch(text)
    if on and s.search_retention_days == 0:
        raise V.SettingError(
            "The bot's operator has turned search off (BOSS_BOT_SEARCH_RETENTION_DAYS=0)."
        )
    return on
