"""Settings for the queue: how many jobs run, wait and retry."""

from pydantic import Field
from pydantic_settings import BaseSettings


class QueueSettings(BaseSettings):
    """Concurrency, queue bounds (in all, per member, per server), retries, progress pace."""

    max_concurrent_downloads: int = Field(default=5, ge=1, le=50)
    max_queue_size: int = Field(default=50, ge=1, le=1000)
    max_jobs_per_user: int = Field(default=2, ge=1)
    max_waiting_per_user: int = Field(default=5, ge=1)
    max_waiting_per_guild: int = Field(default=20, ge=1)
    max_attempts: int = Field(default=3, ge=1, le=10)
    progress_interval: float = Field(default=5, ge=1)
    download_tries: int = Field(default=3, ge=1, le=10)
    retry_delay: float = Field(default=1.0, ge=0, le=60)
    retry_max_delay: float = Field(default=30.0, ge=0, le=600)
    pause_expiry_minutes: float = Field(default=60, gt=0, le=10080)
    """A job paused (⏸️) for longer is cancelled; fractions allowed (0.05 is 3 s)."""
