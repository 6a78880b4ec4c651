"""The order waiting jobs start in: priority, then guilds in turn, then arrival."""

import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping

from boss_bot.core.items import DownloadItem, DownloadStatus

FairnessKey = tuple[int, int | None]


def fairness_key(item: DownloadItem) -> FairnessKey:
    """Jobs share turns by (priority, guild)."""
    return int(item.priority), item.guild_id


def start_order(
    waiting: Iterable[DownloadItem],
    arrival: Mapping[str, int],
    served: Mapping[FairnessKey, int],
) -> Iterator[DownloadItem]:
    """Yield waiting jobs in the order they would start.

    Args:
        waiting: The waiting jobs.
        arrival: Arrival number of each job id (smaller came first).
        served: The turn at which each (priority, guild) last started a job; a guild
            served less recently goes first within a priority.
    """
    buckets: dict[FairnessKey, list[DownloadItem]] = defaultdict(list)
    for item in sorted(waiting, key=lambda i: arrival[i.id]):
        buckets[fairness_key(item)].append(item)
    heap = [
        (-key[0], served.get(key, 0), arrival[jobs[0].id], key, 0) for key, jobs in buckets.items()
    ]
    heapq.heapify(heap)
    turn = itertools.count(max(served.values(), default=0) + 1)
    while heap:
        neg_priority, _, _, key, index = heapq.heappop(heap)
        jobs = buckets[key]
        yield jobs[index]
        if index + 1 < len(jobs):
            nxt = index + 1
            heapq.heappush(heap, (neg_priority, next(turn), arrival[jobs[nxt].id], key, nxt))


def first_startable(
    plan: Iterable[DownloadItem],
    running: Iterable[DownloadItem],
    per_user: Callable[[int | None], int],
) -> DownloadItem | None:
    """The first job of ``plan`` not paused whose member runs fewer jobs than its server allows.

    ``per_user(guild_id)`` is the server's ``max_jobs_per_user``; the member's running
    jobs are counted in every server.
    """
    busy = Counter(item.user_id for item in running)
    for item in plan:
        paused = item.status is DownloadStatus.PAUSED
        if not paused and busy[item.user_id] < per_user(item.guild_id):
            return item
    return None
