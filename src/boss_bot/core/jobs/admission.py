"""Admission: the checks a new job passes, and the places promised to jobs being acknowledged.

In order: the member's download budget, the waiting caps (per member; per server,
not in DMs), the disk and the daily quota, then a place in the queue. Jobs being
acknowledged count as waiting. Jobs taken back after a restart skip all of this.
"""

from collections.abc import Callable
from dataclasses import dataclass

from boss_bot.core.items import DownloadItem, DownloadPriority
from boss_bot.core.jobs.budget import DownloadBudget
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.storage.records import Records
from boss_bot.core.urls import CheckedURL
from boss_bot.errors import QueueFullError, RefusedError


@dataclass(frozen=True, slots=True)
class JobRequest:
    """What a front end asks for: a checked link, whose job it is, where it answers.

    ``shared_status``: its acknowledgement is one line of a message shared by the jobs
    of one command (several links).
    """

    url: CheckedURL
    user_id: int
    channel_id: int
    guild_id: int | None
    message_id: int | None = None
    priority: DownloadPriority = DownloadPriority.NORMAL
    shared_status: bool = False


@dataclass(frozen=True, slots=True)
class Caps:
    """How many jobs may wait per member and per server; ``prefix(guild)`` names ``dlc``."""

    per_user: int
    per_guild: int
    prefix: Callable[[int | None], str] = lambda _guild: "$"


class Admission:
    """Admits jobs and holds the places of those being acknowledged until they are queued."""

    def __init__(self, queue: JobQueue, records: Records, budget: DownloadBudget, caps: Caps):
        self.queue, self.records, self.budget, self.caps = queue, records, budget, caps
        self.pending: dict[str, DownloadItem] = {}  # admitted, being acknowledged
        self.cancelled: set[str] = set()  # cancelled while being acknowledged

    def admit(self, request: JobRequest) -> DownloadItem:
        """Check ``request`` against every limit and reserve its place.

        Raises:
            SlowDownError: The member's downloads for this minute are used.
            QueueFullError: A waiting cap is reached, or the queue is full.
            RefusedError: Low disk, temp space full, or today's quota used.
        """
        self.budget.check(request.user_id)
        self._check_waiting(request.user_id, request.guild_id)
        if reason := self.records.refusal(request.guild_id, request.user_id):
            raise RefusedError(reason)
        self.queue.reserve()
        self.budget.spend(request.user_id)
        item = DownloadItem(
            url=request.url.url,
            platform=request.url.platform,
            user_id=request.user_id,
            channel_id=request.channel_id,
            guild_id=request.guild_id,
            message_id=request.message_id,
            priority=request.priority,
            shared_status=request.shared_status,
        )
        self.pending[item.id] = item
        return item

    def release(self, item: DownloadItem) -> None:
        """Give back the place and the budget of a job that will not be queued (idempotent)."""
        if self.pending.pop(item.id, None) is not None:
            self.cancelled.discard(item.id)
            self.queue.release()
            self.budget.refund(item.user_id)

    def settle(self, item: DownloadItem) -> bool:
        """Stop holding ``item``; False (and its place given back) if it was cancelled meanwhile."""
        self.pending.pop(item.id, None)
        if item.id in self.cancelled:
            self.cancelled.discard(item.id)
            self.queue.release()
            return False
        return True

    def _check_waiting(self, user_id: int, guild_id: int | None) -> None:
        waiting = [*self.queue.waiting(), *self.pending.values()]
        mine = sum(1 for i in waiting if i.user_id == user_id)
        if mine >= self.caps.per_user:
            raise QueueFullError(
                f"You already have {mine} jobs waiting, the most one member may have. Wait for "
                f"one to start, or cancel one with `{self.caps.prefix(guild_id)}dlc <id>`."
            )
        if guild_id is None:  # DMs: only the member's own cap
            return
        here = sum(1 for i in waiting if i.guild_id == guild_id)
        if here >= self.caps.per_guild:
            raise QueueFullError(
                f"This server already has {here} jobs waiting, the most one server may have. "
                "Try again when some have started."
            )
