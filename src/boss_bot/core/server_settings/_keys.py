"""The server settings: for each key its default (the operator's), how it is typed and shown.

The environment gives each default; for ``daily_quota_mb`` and ``max_jobs_per_user`` it
is also the most a server may set, and a non-empty ``ALLOWED_CHANNEL_IDS`` or
``ALLOWED_ROLE_IDS`` is the most a server's list may hold.
"""

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


def _ids(name: str, kind: str, env: str, empty: str, *, ceiling: bool) -> Key:
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


def _number(name: str, env: str, unit: str) -> Key:
    """A whole number from 1 to the operator's value."""
    most = lambda s: getattr(s, env.lower())  # noqa: E731
    parse = lambda t, s: V.number(t, 1, most(s), unit)  # noqa: E731
    return Key(
        name, f"a number{unit}, 1 to the operator's", most, parse, lambda v: f"{v}{unit}", env
    )


def _auto_channels(text: str, _s: BotSettings) -> tuple[int, ...] | None:
    return None if text.strip().lower() == "all" else V.ids(text, "channel") or None


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key(
            "prefix",
            "1 to 5 characters, like `!`",
            lambda s: s.command_prefix,
            lambda t, _s: V.prefix(t),
            lambda v: f"`{v}`",
            "COMMAND_PREFIX",
        ),
        _ids("allowed_channels", "channel", "ALLOWED_CHANNEL_IDS", "every channel", ceiling=True),
        _ids("allowed_roles", "role", "ALLOWED_ROLE_IDS", "everyone", ceiling=True),
        _ids(
            "high_priority_roles",
            "role",
            "HIGH_PRIORITY_ROLE_IDS",
            "moderators only",
            ceiling=False,
        ),
        _number("daily_quota_mb", "GUILD_DAILY_QUOTA_MB", " MiB"),
        _number("max_jobs_per_user", "MAX_JOBS_PER_USER", ""),
        Key(
            "mention_on_done",
            "`on` or `off`",
            lambda _s: True,
            lambda t, _s: V.switch(t),
            lambda v: "on" if v else "off",
        ),
        Key(
            "auto_download",
            "`off`, `react` or `on`",
            lambda _s: "off",
            lambda t, _s: V.choice(t, ("off", "react", "on")),
            lambda v: f"`{v}`",
        ),
        Key(
            "auto_download_channels",
            "channels, or `all`",
            lambda _s: None,
            _auto_channels,
            lambda v: V.show_ids(v, "channel", "all"),
        ),
    )
}


def key(name: str) -> Key:
    """The key called ``name`` (any case).

    Raises:
        SettingError: No such key; the message lists the keys.
    """
    found = KEYS.get(name.strip().lower())
    if found is None:
        raise V.SettingError(
            f"There is no setting `{name[:30]}`. The settings are: "
            + ", ".join(f"`{k}`" for k in KEYS)
            + "."
        )
    return found
