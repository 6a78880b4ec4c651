"""The download service: reservations, early cancel, permissions and wait estimates."""

import asyncio

import pytest

from boss_bot.core.items import DownloadItem, DownloadStatus
from boss_bot.core.jobs.access import Requester
from boss_bot.core.jobs.admission import JobRequest
from boss_bot.core.jobs.assembly import build_service
from boss_bot.core.jobs.service import DownloadService
from boss_bot.core.metrics import Metrics
from boss_bot.core.urls import check_url
from boss_bot.errors import QueueFullError
from tests.core.jobkit import RecordingSink
from tests.fakes import FakeDownloader

URL = check_url("https://example.com/v.mp4")


@pytest.fixture
async def service(make_settings):
    settings = make_settings(max_queue_size=2, downloads_per_minute=1)
    svc = build_service(settings, RecordingSink(), FakeDownloader().route, Metrics())
    await svc.start()
    yield svc
    await svc.close()


async def _noted(item: DownloadItem, position: int, wait: float) -> int:
    return 77  # the id of the acknowledgement message


async def _submit(service: DownloadService, user: int = 1, guild: int | None = 9, ack=_noted):
    return await service.submit(JobRequest(URL, user, 2, guild), ack)


async def test_reserved_places_count_against_the_bound(service) -> None:
    """Jobs being acknowledged hold their place: a third job is refused while two are."""
    sent = asyncio.Event()

    async def slow(item: DownloadItem, position: int, wait: float) -> int:
        await sent.wait()
        return 77

    first = asyncio.create_task(_submit(service, ack=slow))
    second = asyncio.create_task(_submit(service, user=2, ack=slow))
    await asyncio.sleep(0)
    assert service._parts.queue.reserved == 2
    with pytest.raises(QueueFullError):
        await _submit(service, user=3)
    sent.set()
    assert (await first).status_message_id == 77
    await second
    assert len(service.queue_view()) == 2
    assert service._parts.queue.reserved == 0


async def test_a_failing_acknowledgement_keeps_no_place_and_no_budget(service) -> None:
    """The member's message can't be sent: the place and the minute's download are given back."""

    async def broken(item: DownloadItem, position: int, wait: float) -> int:
        raise ConnectionError("Discord is down")

    with pytest.raises(ConnectionError):
        await _submit(service, ack=broken)
    assert service._parts.queue.reserved == 0
    assert service._parts.admission.pending == {}
    assert (await _submit(service)).status_message_id == 77  # within the same minute


async def test_cancel_while_acknowledging_means_it_never_runs(service) -> None:
    """A job cancelled between its acknowledgement and its queueing is dropped, as cancelled."""

    async def cancelled(item: DownloadItem, position: int, wait: float) -> int:
        assert await service.cancel(f"#{item.id.upper()}", Requester(1, 9)) == item
        return 77

    item = await _submit(service, ack=cancelled)
    assert len(service.queue_view()) == 0
    assert service._parts.queue.reserved == 0
    assert (item.id, DownloadStatus.CANCELLED) in service._parts.runner.sink.statuses


async def test_only_owners_and_moderators_of_the_guild_may_cancel(service) -> None:
    """Others get nothing; a moderator of another guild gets nothing either."""
    item = await _submit(service, user=1, guild=9)
    assert await service.cancel(item.id, Requester(2, 9)) is None
    assert await service.cancel(item.id, Requester(2, 8, moderator=True)) is None
    assert await service.cancel(item.id, Requester(2, 9, moderator=True)) == item
    assert await service.cancel(item.id, Requester(1, 9)) is None  # already gone


async def test_wait_estimates_use_free_workers_and_recent_durations(service) -> None:
    """With free workers a job starts now; behind a full pool it waits whole rounds."""
    service._parts.runner.durations.extend([10.0, 20.0])
    assert service.estimate_wait(1) == 0
    assert service.estimate_wait(service.queue_view().workers + 1) == 15.0
