"""Who may do what to a job."""

from dataclasses import dataclass

from boss_bot.core.items import DownloadItem


@dataclass(frozen=True, slots=True)
class Requester:
    """Who asks to cancel: their id, guild, and whether they may manage others' jobs."""

    user_id: int
    guild_id: int | None
    moderator: bool = False

    def may_cancel(self, item: DownloadItem) -> bool:
        """Own jobs always; any job of the same guild for moderators."""
        same_guild = item.guild_id is not None and item.guild_id == self.guild_id
        return item.user_id == self.user_id or (self.moderator and same_guild)
