"""Settings for how fast downloads may go: in all, and each job."""

import re

from pydantic import field_validator
from pydantic_settings import BaseSettings

_RATE = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[KMG]?)i?B?", re.IGNORECASE)
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def parse_rate(text: str) -> int:
    """Bytes per second from yt-dlp's notation (``500K``, ``4.2M``: powers of 1024).

    Raises:
        ValueError: ``text`` is not a positive rate in that notation.
    """
    match = _RATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a rate like 500K or 4.2M (bytes per second)")
    rate = int(float(match["number"]) * _UNITS[match["unit"].upper()])
    if rate <= 0:
        raise ValueError("a rate limit must be above 0 (leave it empty for no limit)")
    return rate


class BandwidthSettings(BaseSettings):
    """Download speed limits in bytes per second; ``None`` is unlimited."""

    total_rate_limit: int | None = None
    """Shared by all running downloads, rebalanced as jobs start and end."""
    job_rate_limit: int | None = None
    """The most one job may take, however few are running."""

    @field_validator("total_rate_limit", "job_rate_limit", mode="before")
    @classmethod
    def _rate(cls, value: object) -> object:
        return parse_rate(value) if isinstance(value, str) else value
