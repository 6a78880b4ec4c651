"""What a server chose and what a member prefers: frozen values, every field effective."""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from loguru import logger

AutoDownload = Literal["off", "react", "on"]
DefaultPriority = Literal["low", "normal"]


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """One server's settings, each the server's own value or else the operator's.

    Attributes:
        guild_id: The server (None: direct messages, which always get the operator's).
        prefix: The text-command prefix (a mention of the bot works too).
        allowed_channels: Channels the bot takes commands in; empty: every channel.
        allowed_roles: Roles of which a member needs one; empty: everyone.
        high_priority_roles: Roles that may ask for ``high`` (moderators always may).
        daily_quota_mb: MiB the server may receive a day (UTC), at most
            ``GUILD_DAILY_QUOTA_MB``.
        max_jobs_per_user: Jobs one member may have running at once, at most
            ``MAX_JOBS_PER_USER``.
        mention_on_done: Whether the reply with the files mentions the requester.
        auto_download: ``off``, ``react`` (📥 on messages with links) or ``on``.
        auto_download_channels: Where auto-download applies; None: every channel.
        search: Whether delivered jobs are indexed for ``$find`` and ``$ask``.
    """

    guild_id: int | None
    prefix: str
    allowed_channels: tuple[int, ...]
    allowed_roles: tuple[int, ...]
    high_priority_roles: tuple[int, ...]
    daily_quota_mb: int
    max_jobs_per_user: int
    mention_on_done: bool = True
    auto_download: AutoDownload = "off"
    auto_download_channels: tuple[int, ...] | None = None
    search: bool = False

    def auto_download_in(self, channel_id: int, parent_id: int | None = None) -> AutoDownload:
        """The auto-download mode in a channel (or a thread of ``parent_id``)."""
        where = self.auto_download_channels
        if where is None or channel_id in where or (parent_id is not None and parent_id in where):
            return self.auto_download
        return "off"


@dataclass(frozen=True, slots=True)
class MemberPreferences:
    """One member's preferences, the same in every server.

    Attributes:
        user_id: The member.
        mention: Mention me when my job ends (the server may still turn it off).
        dm: Send me a direct message with a jump link when my job ends.
        priority: The priority of my downloads when I name none.
        search: Keep my direct-message downloads for ``$find`` there.
    """

    user_id: int
    mention: bool = True
    dm: bool = False
    priority: DefaultPriority = "normal"
    search: bool = False


@dataclass(frozen=True, slots=True)
class Stamp:
    """Who last changed one server setting, and when (UTC); ``reset``: back to the default."""

    user_id: int
    name: str
    at: datetime
    reset: bool = False


@dataclass(frozen=True, slots=True)
class Change:
    """One change of a server setting, as shown and logged: the values as text."""

    key: str
    old: str
    new: str

    def log(self, guild_id: int, by: tuple[int, str], *, reset: bool) -> None:
        """Log it at INFO: which key of which server, who (name and id), old → new."""
        how = "reset" if reset else "changed"
        logger.bind(guild_id=guild_id).info(
            "setting {} of server {} {} by {} ({}): {} → {}",
            *(self.key, guild_id, how, by[1], by[0], self.old, self.new),
        )
