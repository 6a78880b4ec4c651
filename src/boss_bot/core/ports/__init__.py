"""What the core needs from its adapters: a downloader, and a sink for a job's state and files."""

from boss_bot.core.ports.downloader import Downloader, JobLimits, ProgressCallback, Router
from boss_bot.core.ports.sink import Finished, JobSink

__all__ = ["Downloader", "Finished", "JobLimits", "JobSink", "ProgressCallback", "Router"]
