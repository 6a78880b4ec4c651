"""Which subtitle languages a job fetches, for search: decided per job, by the bot.

The runner asks a ``SubtitlesFor`` before each download (``JobLimits.subtitle_langs``);
the bot gives one that reads its settings and the job's server. In the distributed
mode the gateway asks it and hands the answer to the worker with the job.
"""

from collections.abc import Callable

from boss_bot.core.items import DownloadItem

SubtitlesFor = Callable[[DownloadItem], tuple[str, ...]]
"""Patterns like yt-dlp's ``subtitleslangs`` (``("en.*",)``) for a job; empty: none."""


def no_subtitles(item: DownloadItem) -> tuple[str, ...]:
    """The default ``SubtitlesFor``: no job fetches subtitles."""
    return ()
