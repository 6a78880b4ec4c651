"""Settings for operating the bot: metrics, logs and how old the downloaders may get."""

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings

LogLevel = Literal["TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL"]


class OperationsSettings(BaseSettings):
    """The metrics port, where and how the log is written, the downloaders' maximum age."""

    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    log_level: LogLevel = "INFO"
    log_format: Literal["text", "json"] = "text"
    log_file: Path | None = None
    log_rotation: str = "10 MB"
    log_retention: str = "14 days"
    downloader_max_age_days: int = Field(default=60, ge=1)
    """``$health`` and ``doctor`` warn when yt-dlp or gallery-dl is older than this."""

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value
