"""The saq queue on Redis both sides share, and the options every job is handed with."""

from typing import Any

from redis.asyncio import Redis

from boss_bot.distributed.queueing import BossQueue
from boss_bot.settings import BotSettings

QUEUE_NAME = "boss-bot"
FUNCTION = "download"  # the one function workers run
SWEPT = "its worker stopped reporting"  # saq's error for a job a sweep took back
FINISH_MARGIN = 600  # seconds beyond the download and fitting bounds, for the upload


def open_queue(settings: BotSettings) -> BossQueue:
    """The shared queue at ``BOSS_BOT_BROKER_URL`` (not connected until first used).

    Raises:
        ValueError: No broker is configured.
    """
    if settings.broker_url is None:
        raise ValueError("BOSS_BOT_BROKER_URL is not set")
    url = settings.broker_url.get_secret_value()
    return BossQueue(Redis.from_url(url), name=QUEUE_NAME, swept_error_message=SWEPT)


def job_options(settings: BotSettings) -> dict[str, Any]:
    """Saq's timers for one of our jobs; its defaults (10 s, no heartbeat) fit no download.

    One saq try is one try of the whole pipeline; the runner retries failed downloads
    itself, so saq retries only when a worker dies (``retries``: the bot's attempts).
    """
    bound = settings.download_timeout * settings.download_tries + settings.fit_timeout
    return {
        "timeout": int(bound + FINISH_MARGIN),
        "heartbeat": settings.broker_heartbeat_seconds,
        "retries": settings.max_attempts,
        "retry_delay": 1.0,
        "ttl": 3600,  # the finished job's record, for a gateway that was restarting
    }
