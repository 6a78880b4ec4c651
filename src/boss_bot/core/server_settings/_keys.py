"""The server settings: for each key its default (the operator's), how it is typed and shown.

The environment gives each default; for ``daily_quota_mb`` and ``max_jobs_per_user`` it
is also the most a server may set, and a non-empty ``ALLOWED_CHANNEL_IDS`` or
``ALLOWED_ROLE_IDS`` is the most a server's list may hold.
"""

from boss_bot.core.server_settings import _values as V
from boss_bot.core.server_settings._kinds import (
    Key,
    auto_channels,
    ids_key,
    number_key,
    search_switch,
)

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
        ids_key(
            "allowed_channels", "channel", "ALLOWED_CHANNEL_IDS", "every channel", ceiling=True
        ),
        ids_key("allowed_roles", "role", "ALLOWED_ROLE_IDS", "everyone", ceiling=True),
        ids_key(
            "high_priority_roles",
            "role",
            "HIGH_PRIORITY_ROLE_IDS",
            "moderators only",
            ceiling=False,
        ),
        number_key("daily_quota_mb", "GUILD_DAILY_QUOTA_MB", " MiB"),
        number_key("max_jobs_per_user", "MAX_JOBS_PER_USER", ""),
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
            auto_channels,
            lambda v: V.show_ids(v, "channel", "all"),
        ),
        Key(
            "search",
            "`on` or `off`",
            lambda _s: False,
            search_switch,
            lambda v: "on" if v else "off",
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
