"""How long a waiting job will wait, from how long recent jobs took."""

from collections.abc import Sequence

DEFAULT_JOB_SECONDS = 30.0  # until jobs have run, a guess for wait estimates


def estimate_wait(position: int, durations: Sequence[float], size: int, busy: int) -> float:
    """Seconds until the waiting job at ``position`` starts.

    Args:
        position: The job's 1-based place among the waiting jobs.
        durations: How long recent jobs took, in seconds.
        size: How many jobs run at once.
        busy: How many run now.
    """
    average = sum(durations) / len(durations) if durations else DEFAULT_JOB_SECONDS
    size = max(size, 1)
    free, ahead = max(size - busy, 0), position - 1
    return 0.0 if ahead < free else ((ahead - free) // size + 1) * average
