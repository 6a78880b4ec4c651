"""A saq worker that runs boss-bot jobs and tells the gateways how many it can take."""

import socket

from saq import Worker
from saq.queue import Queue

from boss_bot.core.jobs.runner import JobRunner
from boss_bot.distributed.broker import FUNCTION
from boss_bot.distributed.working.job import download_function
from boss_bot.distributed.working.sink import WorkerSink
from boss_bot.settings import BotSettings

GRACE_SECONDS = 30  # on SIGTERM, running jobs get this long before they are handed back
INFO_SECONDS = 5  # how often a worker says it is alive (gateways forget it 1 s after)


def build_worker(
    settings: BotSettings, queue: Queue, runner: JobRunner, sink: WorkerSink, concurrency: int
) -> Worker:
    """A worker running ``concurrency`` jobs at once through ``runner``.

    Its metadata (read by gateways through saq's worker info) says how many jobs it
    takes, so gateways hand out no more than all workers can start. It also sweeps:
    a job whose worker stopped writing for a heartbeat is retried (``broker.job_options``).
    """
    sweep = settings.broker_sweep_seconds
    function = download_function(runner, sink, settings.broker_heartbeat_seconds)
    return Worker(
        queue,
        [(FUNCTION, function)],
        concurrency=concurrency,
        timers={"sweep": sweep, "worker_info": INFO_SECONDS, "abort": 1, "schedule": 1},
        shutdown_grace_period_s=GRACE_SECONDS,
        cancellation_hard_deadline_s=10.0,
        metadata={"concurrency": concurrency, "host": socket.gethostname()},
        dequeue_timeout=1.0,
    )
