"""Waiting jobs' places reach the sink when they change, once per turn of the loop."""

import asyncio

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.positions import Positions
from boss_bot.core.jobs.queue import JobQueue
from boss_bot.core.urls import Platform
from tests.core.jobkit import RecordingSink


def _item(n: int) -> DownloadItem:
    return DownloadItem(
        url=f"https://e.test/{n}", platform=Platform.GENERIC, user_id=n, channel_id=1
    )


async def _settled() -> None:
    await asyncio.sleep(0)  # ``publish`` runs on the next turn of the loop


async def test_only_moved_jobs_are_told_and_an_acknowledged_place_counts() -> None:
    """Acknowledged places are not told again; a start and a cancel move the rest up."""
    queue, sink = JobQueue(10, per_user=1), RecordingSink()
    positions = Positions(queue.waiting, lambda n: 30.0 * n, sink)
    queue.on_change = positions.changed
    items = [_item(n) for n in range(4)]
    for n, item in enumerate(items, 1):
        positions.shown(item.id, n)
        queue.put(item)
    await _settled()
    assert sink.places == []  # each acknowledgement showed its place already
    await queue.get()  # the first starts
    await _settled()
    assert sink.places == [[(items[1].id, 1), (items[2].id, 2), (items[3].id, 3)]]
    queue.remove(items[2].id)  # cancelled while waiting
    await _settled()
    assert sink.places[-1] == [(items[3].id, 2)]
    queue.done(items[0].id)  # an end moves nobody
    await _settled()
    assert len(sink.places) == 2


async def test_many_changes_in_one_turn_are_told_once() -> None:
    """Ten jobs queued in one go: one report, with the places the acknowledgements lacked."""
    queue, sink = JobQueue(20), RecordingSink()
    positions = Positions(queue.waiting, lambda n: 0.0, sink)
    queue.on_change = positions.changed
    for n in range(10):
        queue.put(_item(n), force=True)  # taken back after a restart: never acknowledged
    await _settled()
    assert [len(report) for report in sink.places] == [10]


async def test_a_paused_job_has_no_place_and_the_ones_behind_it_move_up() -> None:
    """⏸️ on the first waiting job: its status keeps "paused", the second becomes #1."""
    queue, sink = JobQueue(10), RecordingSink()
    positions = Positions(queue.waiting, lambda n: 0.0, sink)
    queue.on_change = positions.changed
    first, second = _item(1), _item(2)
    for n, item in enumerate((first, second), 1):
        positions.shown(item.id, n)
        queue.put(item)
    queue.replace(first.evolve(status=DownloadStatus.PAUSED))
    await _settled()
    assert sink.places == [[(second.id, 1)]]
