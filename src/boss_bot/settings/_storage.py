"""Settings for the data directory: where it is, retention, caps, the daily quota, cookies."""

from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field
from pydantic_settings import BaseSettings


class StorageSettings(BaseSettings):
    """The data directory and its policies (seed 001/003 "Storage Policies")."""

    data_dir: Path = Field(default_factory=lambda: user_data_path("boss-bot", appauthor=False))
    temp_retention_hours: float = Field(default=1, gt=0)
    failed_retention_hours: float = Field(default=6, gt=0)
    success_retention_hours: float = Field(default=24, gt=0)
    temp_cap_mb: int = Field(default=1024, ge=1)
    guild_daily_quota_mb: int = Field(default=500, ge=1)
    min_free_mb: int = Field(default=200, ge=0)
    keep_downloads: bool = False
    cookies_file: Path | None = None
    """A Netscape cookies.txt given to every download; unset: ``cookies.txt`` in the data dir."""
