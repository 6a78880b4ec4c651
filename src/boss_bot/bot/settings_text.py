"""Text of ``$settings view``, of a change, and of a member's preferences in ``$dls``."""

from discord.utils import escape_markdown, escape_mentions

from boss_bot.core.server_settings import (
    KEYS,
    Change,
    MemberPreferences,
    ServerSettings,
    Stamp,
    show_preferences,
)


def _who(stamp: Stamp | None) -> str:
    if stamp is None:
        return "the operator's default"
    name = escape_mentions(escape_markdown(stamp.name))
    what = "reset" if stamp.reset else "set"
    return f"{what} by {name} on {stamp.at:%Y-%m-%d %H:%M} UTC"


def view(title: str, server: ServerSettings, stamps: dict[str, Stamp], prefix: str) -> str:
    """Every key with its value here and who set it last (``$settings view``)."""
    lines = [f"⚙️ **Settings of {escape_mentions(escape_markdown(title))}**"]
    for name, key in KEYS.items():
        value = key.show(getattr(server, name))
        lines.append(f"`{name}`: {value} · {_who(stamps.get(name))}")
    lines += [
        "",
        f"Change one with `{prefix}settings set <key> <value>`, "
        f"go back to the default with `{prefix}settings reset <key>`.",
    ]
    return "\n".join(lines)


def changed(change: Change, reset: bool) -> str:
    """The answer to ``set`` or ``reset``."""
    how = "reset to the default" if reset else "set"
    return f"✅ `{change.key}` {how}: {change.old} → {change.new}"


def preferences(prefs: MemberPreferences, server: ServerSettings, prefix: str) -> list[str]:
    """The member's preferences as ``$dls`` lists them."""
    lines = ["", "**Your preferences** (in every server)"]
    off_here = server.guild_id is not None and not server.mention_on_done
    for name, value in show_preferences(prefs):
        note = " (this server turned mentions off)" if name == "mention" and off_here else ""
        lines.append(f"`{name}`: {value}{note}")
    switches = f"`{prefix}dls set mention|dm|search on|off`"
    lines.append(f"Change one with {switches} or `priority low|normal`.")
    return lines
