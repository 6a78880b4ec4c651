"""Settings for who may use the bot, where, and how often."""

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode


class AccessSettings(BaseSettings):
    """Allow-lists, the priority roles, direct messages and the download rate."""

    high_priority_role_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    allowed_role_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    allowed_channel_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    allow_dms: bool = False
    downloads_per_minute: int = Field(default=5, ge=0)
    max_links_per_command: int = Field(default=5, ge=1, le=10)
    """Links one ``$dl``/``$dlt``/``$dlr`` (or **Download media**) may hold; each is a job."""
    auto_downloads_per_channel_per_minute: int = Field(default=6, ge=0)
    """Downloads auto-download ``on`` starts in one channel a minute; more links are skipped."""

    @field_validator(
        "high_priority_role_ids", "allowed_role_ids", "allowed_channel_ids", mode="before"
    )
    @classmethod
    def _comma_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value
