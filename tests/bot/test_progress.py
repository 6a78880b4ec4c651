"""Progress rendering and the edit throttle, with an injected clock (no real time)."""

import asyncio

from boss_bot.bot import render
from boss_bot.bot.progress import ProgressBoard
from boss_bot.core.items import DownloadItem, ProgressEvent
from boss_bot.core.urls import Platform

MB = 1024 * 1024


def _item(n: int = 0) -> DownloadItem:
    return DownloadItem(
        url="https://e.test/v.mp4",
        platform=Platform.GENERIC,
        user_id=1,
        channel_id=2,
        status_message_id=100 + n,
    )


def test_progress_shows_bar_percent_size_speed_and_eta() -> None:
    """With a known total: bar, percent, size of total, speed and ETA."""
    text = render.progress(_item(), ProgressEvent(4 * MB, 10 * MB, 1 * MB))
    assert "`[████████░░░░░░░░░░░░]` 40% · 4.0 MB of 10.0 MB · 1.0 MB/s · ETA 6.0 s" in text
    unknown = render.progress(_item(), ProgressEvent(3 * MB, None, None))
    assert unknown.endswith("3.0 MB so far")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_one_edit_per_interval_per_job_with_the_latest_report() -> None:
    """Many reports make one edit per interval, showing the newest figures."""
    clock, edits = Clock(), []

    async def edit(item, event) -> None:
        edits.append((clock.now, event.downloaded))

    board = ProgressBoard(edit, interval=5, clock=clock)
    item = _item()
    for second in range(12):
        clock.now = float(second)
        board.report(item, ProgressEvent(second * 100))
        board.tick()
        await asyncio.sleep(0)
    assert edits == [(5.0, 500), (10.0, 1000)]


async def test_fifty_jobs_never_exceed_the_global_rate() -> None:
    """With 50 running jobs, edits per tick stay within the budget, oldest first."""
    clock, edits = Clock(), []

    async def edit(item, event) -> None:
        edits.append(item.id)

    board = ProgressBoard(edit, interval=5, per_second=4, clock=clock)
    items = [_item(n) for n in range(50)]
    for item in items:
        board.report(item, ProgressEvent(1))
    clock.now = 5.0
    for _ in range(3):
        for item in items:
            board.report(item, ProgressEvent(2))
        assert len(board.tick()) == 4
        await asyncio.sleep(0)
    assert len(edits) == len(set(edits)) == 12


async def test_final_state_waits_for_an_edit_in_flight() -> None:
    """``forget`` waits for a running progress edit, so ✅ is always the last edit."""
    clock, order = Clock(), []
    release = asyncio.Event()

    async def edit(item, event) -> None:
        await release.wait()
        order.append("progress")

    board = ProgressBoard(edit, interval=1, clock=clock)
    item = _item()
    board.report(item, ProgressEvent(1))
    clock.now = 2.0
    board.tick()
    forgetting = asyncio.create_task(board.forget(item.id))
    await asyncio.sleep(0)
    assert not forgetting.done()
    release.set()
    await forgetting
    order.append("final")
    board.report(item, ProgressEvent(2))
    assert order == ["progress", "final"]
    await board.forget(item.id)
    assert board.tick() == []
