"""Settings from the environment and ``.env`` (prefix ``BOSS_BOT_``).

The CLI builds one :class:`BotSettings` and passes it down; nothing reads settings at
import time.
"""

from pathlib import Path
from typing import Annotated, Literal

from platformdirs import user_data_path
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from boss_bot.errors import ConfigError

MIB = 1024 * 1024


class BotSettings(BaseSettings):
    """Every setting of the bot; ``env.sample`` lists them with their defaults."""

    model_config = SettingsConfigDict(
        env_prefix="BOSS_BOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,  # `BOSS_BOT_LOG_FILE=` in env.sample means "the default"
    )

    discord_token: SecretStr | None = None
    command_prefix: str = Field(default="$", min_length=1, max_length=5)
    data_dir: Path = Field(default_factory=lambda: user_data_path("boss-bot", appauthor=False))
    max_concurrent_downloads: int = Field(default=5, ge=1, le=50)
    max_queue_size: int = Field(default=50, ge=1, le=1000)
    max_jobs_per_user: int = Field(default=2, ge=1)
    max_attempts: int = Field(default=3, ge=1, le=10)
    high_priority_role_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    allowed_role_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    allowed_channel_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    downloads_per_minute: int = Field(default=5, ge=0)
    download_timeout: float = Field(default=300, gt=0)
    max_download_mb: int = Field(default=500, ge=1)
    max_files_per_job: int = Field(default=30, ge=1, le=1000)
    progress_interval: float = Field(default=5, ge=1)
    download_tries: int = Field(default=3, ge=1, le=10)
    retry_delay: float = Field(default=1.0, ge=0, le=60)
    retry_max_delay: float = Field(default=30.0, ge=0, le=600)
    allow_private_urls: bool = False
    sync_commands: bool = False
    ffmpeg_path: str | None = None
    temp_retention_hours: float = Field(default=1, gt=0)
    failed_retention_hours: float = Field(default=6, gt=0)
    success_retention_hours: float = Field(default=24, gt=0)
    temp_cap_mb: int = Field(default=1024, ge=1)
    guild_daily_quota_mb: int = Field(default=500, ge=1)
    min_free_mb: int = Field(default=200, ge=0)
    keep_downloads: bool = False
    ffprobe_path: str | None = None
    discord_api_url: str = "https://discord.com/api/v10"
    discord_gateway_url: str = "wss://gateway.discord.gg/"
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    log_level: Literal["TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    log_file: Path | None = None
    log_rotation: str = "10 MB"
    log_retention: str = "14 days"

    @field_validator("high_priority_role_ids", "allowed_role_ids", "allowed_channel_ids",
                     mode="before")  # fmt: skip
    @classmethod
    def _comma_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("discord_api_url", "discord_gateway_url")
    @classmethod
    def _no_trailing_slash_api(cls, value: str) -> str:
        return value.strip()

    @property
    def max_download_bytes(self) -> int:
        """``MAX_DOWNLOAD_MB`` in bytes."""
        return self.max_download_mb * MIB

    def token(self) -> str:
        """Return the bot token.

        Raises:
            ConfigError: When no token is configured.
        """
        if self.discord_token is None or not self.discord_token.get_secret_value().strip():
            raise ConfigError("BOSS_BOT_DISCORD_TOKEN is not set (put it in .env or the env).")
        return self.discord_token.get_secret_value().strip()


def load_settings(**overrides: object) -> BotSettings:
    """Build settings from the environment, turning validation errors into one line.

    Args:
        **overrides: Values that take precedence over the environment.

    Returns:
        The validated settings.

    Raises:
        ConfigError: When a value is invalid; the message names the variable.
    """
    try:
        return BotSettings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "BOSS_BOT_" + "_".join(str(part) for part in first["loc"]).upper()
        raise ConfigError(f"{name}: {first['msg']}") from None
