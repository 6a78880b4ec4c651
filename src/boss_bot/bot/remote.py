"""The gateway's link to remote workers (the distributed mode), made only when configured.

saq is an optional extra: it is imported here, on first use, so one process never needs it.
"""

from collections.abc import Awaitable, Callable

from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs.remote import Remote
from boss_bot.errors import ConfigError
from boss_bot.settings import BotSettings


def remote_jobs(
    settings: BotSettings,
    ping: Callable[[DownloadItem], Awaitable[int | None]],
    retried: Callable[[str], None],
) -> Remote:
    """Jobs handed to the workers at ``BOSS_BOT_BROKER_URL``.

    ``ping`` says whom a job's files mention; ``retried`` is told the worker whose job
    was taken back from it (its heartbeat lapsed).

    Raises:
        ConfigError: The ``workers`` extra (saq) is not installed.
    """
    try:
        from boss_bot.distributed.broker import open_queue
        from boss_bot.distributed.gateway.remote import RemoteJobs
    except ImportError:
        raise ConfigError(
            "BOSS_BOT_BROKER_URL needs the workers extra: uv sync --extra workers"
        ) from None
    remote = RemoteJobs(settings, open_queue(settings), ping)
    remote.retried = retried  # a worker's job taken back, for the metrics
    return remote
