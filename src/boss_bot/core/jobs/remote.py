"""What the service needs to run its jobs on other hosts (``boss_bot.distributed``).

In one process (the default) there is no ``Remote``: the worker pool runs each job.
With one, the pool still takes jobs in the queue's fair order, but only when a remote
worker has room (``Slots``), and each job's task watches it run elsewhere.
"""

from collections.abc import Sequence
from typing import Protocol

from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.jobs.workers import RunJob


class Slots(Protocol):
    """The remote workers' places for jobs, shared by every gateway that feeds them."""

    @property
    def size(self) -> int:
        """How many jobs the connected workers run at once."""
        ...

    @property
    def connected(self) -> int:
        """How many workers are connected."""
        ...

    async def acquire(self) -> None:
        """Wait until a worker has room, and promise that room to the next job."""
        ...

    def claim(self, job_id: str) -> None:
        """The promised room goes to ``job_id`` (the job taken from the queue)."""
        ...

    def free(self, job_id: str) -> None:
        """``job_id`` ended here; room it never used is promised to no one."""
        ...


class Remote(Protocol):
    """Runs jobs on remote workers and watches them."""

    @property
    def slots(self) -> Slots:
        """The workers' room."""
        ...

    def bind(self, runner: JobRunner) -> RunJob:
        """How the pool runs a job: hand it out (or find it handed out) and watch it."""
        ...

    async def reconcile(
        self, saved: Sequence[DownloadItem]
    ) -> tuple[list[DownloadItem], list[DownloadItem]]:
        """Sort the saved jobs at start-up into those to queue again and those still out.

        A job the workers still hold (or finished while the gateway was away) is
        watched again instead of being run a second time.
        """
        ...

    async def start(self) -> None:
        """Connect and start following the workers' capacity."""
        ...

    async def close(self) -> None:
        """Stop watching (jobs carry on on their workers) and disconnect."""
        ...
