"""Reading what a member typed for a setting, and showing a value back as text.

Channels and roles are typed as mentions (``<#123>``, ``<@&456>``) or ids, several
separated by spaces or commas; ``none`` empties the list. Every parser raises
``SettingError`` with a message that says what is allowed.
"""

import re

from boss_bot.errors import UserFacingError

MAX_IDS = 25
ON = frozenset({"on", "yes", "true", "1", "enable", "enabled"})
OFF = frozenset({"off", "no", "false", "0", "disable", "disabled"})
_CHANNEL = re.compile(r"<#(\d{15,21})>|(\d{15,21})")
_ROLE = re.compile(r"<@&(\d{15,21})>|(\d{15,21})")


class SettingError(UserFacingError):
    """A bad key or value; the message names what is allowed. Nothing was changed."""


def words(text: str) -> list[str]:
    """The words of ``text``, split on spaces and commas."""
    return [w for w in re.split(r"[\s,]+", text.strip()) if w]


def ids(text: str, kind: str) -> tuple[int, ...]:
    """Channel (``kind="channel"``) or role ids from mentions or ids; ``none`` is empty."""
    parts = words(text)
    if [p.lower() for p in parts] == ["none"]:
        return ()
    pattern = _CHANNEL if kind == "channel" else _ROLE
    found: list[int] = []
    for part in parts:
        match = pattern.fullmatch(part)
        if match is None:
            example = "#downloads" if kind == "channel" else "@Members"
            raise SettingError(
                f"`{part[:40]}` is not a {kind}. Give {kind} mentions (like {example}) or "
                "ids, separated by spaces or commas, or `none`."
            )
        found.append(int(match.group(1) or match.group(2)))
    if not found:
        raise SettingError(f"Give one or more {kind}s, or `none`.")
    if len(found) > MAX_IDS:
        raise SettingError(f"At most {MAX_IDS} {kind}s.")
    return tuple(dict.fromkeys(found))


def switch(text: str) -> bool:
    """``on`` or ``off`` (yes/no, true/false too)."""
    word = text.strip().lower()
    if word in ON or word in OFF:
        return word in ON
    raise SettingError("Use `on` or `off`.")


def number(text: str, low: int, high: int, unit: str = "") -> int:
    """A whole number from ``low`` to ``high``."""
    try:
        value = int(text.strip())
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise SettingError(
            f"Give a whole number from {low} to {high}{unit} (the most the operator allows)."
        )
    return value


def choice(text: str, allowed: tuple[str, ...]) -> str:
    """One of ``allowed``."""
    word = text.strip().lower()
    if word not in allowed:
        raise SettingError("Use one of: " + ", ".join(f"`{a}`" for a in allowed) + ".")
    return word


def prefix(text: str) -> str:
    """A command prefix: 1 to 5 characters, no spaces, backticks or mention marks."""
    value = text.strip()
    if not 1 <= len(value) <= 5 or any(c.isspace() or c in "`@#<>\\" for c in value):
        raise SettingError(
            "A prefix is 1 to 5 characters without spaces, backticks, `@`, `#`, `<` or `>` "
            "(like `!` or `dl!`)."
        )
    return value


def show_ids(values: tuple[int, ...] | None, kind: str, empty: str) -> str:
    """Ids as mentions (``<#1>`` or ``<@&1>``), or ``empty`` when there are none."""
    if not values:
        return empty
    mark = "#" if kind == "channel" else "@&"
    return " ".join(f"<{mark}{v}>" for v in values)
