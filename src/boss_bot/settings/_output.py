"""Settings for what the posted files look like: metadata, inline playback, the caption card."""

from typing import Literal

from pydantic import field_validator
from pydantic_settings import BaseSettings

InlineVideo = Literal["remux", "full", "off"]


class OutputSettings(BaseSettings):
    """Metadata stripping, making video play inline, and the caption card."""

    strip_metadata: bool = True
    """Drop EXIF/XMP/IPTC, tags and chapters from the files before they are posted."""
    inline_video: InlineVideo = "full"
    """``remux``: fix the container only; ``full``: also re-encode; ``off``: post as served."""
    caption_card: bool = True
    """Post one embed with the files: title, author, source, duration, date, thumbnail."""

    @field_validator("inline_video", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value
