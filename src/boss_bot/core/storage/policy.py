"""The storage policy (seed 001/003 "Storage Policies"): retention, caps, the daily quota."""

from dataclasses import dataclass

from boss_bot.settings import BotSettings

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Policy:
    """Retention (hours), caps (bytes) and whether finished files are kept."""

    temp_hours: float = 1
    failed_hours: float = 6
    success_hours: float = 24
    temp_cap: int = 1024 * MB
    guild_daily: int = 500 * MB
    min_free: int = 200 * MB
    keep_files: bool = False

    @classmethod
    def from_settings(cls, s: BotSettings) -> "Policy":
        """The policy the operator configured."""
        return cls(
            s.temp_retention_hours,
            s.failed_retention_hours,
            s.success_retention_hours,
            s.temp_cap_mb * MB,
            s.guild_daily_quota_mb * MB,
            s.min_free_mb * MB,
            s.keep_downloads,
        )
