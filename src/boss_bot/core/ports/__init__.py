"""What the core needs from its adapters: a downloader, and a sink for a job's state and files."""

from boss_bot.core.ports.downloader import (
    Downloaded,
    Downloader,
    JobLimits,
    ProgressCallback,
    Router,
    card_of,
    notes_of,
)
from boss_bot.core.ports.sink import Finished, JobSink, Place

__all__ = [
    "Downloaded",
    "Downloader",
    "Finished",
    "JobLimits",
    "JobSink",
    "Place",
    "ProgressCallback",
    "Router",
    "card_of",
    "notes_of",
]
