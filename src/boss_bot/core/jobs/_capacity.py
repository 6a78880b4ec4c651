"""The queue's bound: at most ``max_size`` jobs, waiting, running or promised a place."""

from boss_bot.errors import QueueFullError


class Capacity:
    """Places in a queue: ``max_size`` in all, some promised to jobs being acknowledged.

    Subclasses say how many jobs are running and waiting (``counts``).
    """

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size
        self.reserved = 0  # places promised to jobs being acknowledged

    def counts(self) -> tuple[int, int]:
        """The running and the waiting jobs."""
        raise NotImplementedError

    def reserve(self) -> None:
        """Promise a place to a job that will be ``put`` shortly (or ``release`` it)."""
        self.check_capacity()
        self.reserved += 1

    def release(self) -> None:
        """Give back a reserved place that will not be used."""
        self.reserved = max(self.reserved - 1, 0)

    def check_capacity(self) -> None:
        """Raise ``QueueFullError`` when no further job can be accepted."""
        running, waiting = self.counts()
        if running + waiting + self.reserved >= self.max_size:
            raise QueueFullError(
                f"The queue is full ({running} running, {waiting} waiting, "
                f"{self.max_size} at most). Please try again in a few minutes."
            )
