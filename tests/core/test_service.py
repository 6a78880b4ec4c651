"""The download service: reservations, early cancel, permissions and wait estimates."""

import asyncio

import pytest

from boss_bot.core.access import Requester
from boss_bot.core.items import DownloadStatus
from boss_bot.core.service import DownloadService
from boss_bot.core.urls import check_url
from boss_bot.errors import QueueFullError, RefusedError
from tests.core.jobkit import RecordingSink
from tests.fakes import MP4, FakeDownloader

URL = check_url("https://example.com/v.mp4")


@pytest.fixture
async def service(make_settings):
    svc = DownloadService(make_settings(max_queue_size=2), RecordingSink(), FakeDownloader().route)
    await svc.start()
    yield svc
    await svc.close()


def _admit(service: DownloadService, user: int = 1, guild: int | None = 9):
    return service.admit(URL, user_id=user, channel_id=2, guild_id=guild)


async def test_reserved_places_count_against_the_bound(service) -> None:
    """Jobs being acknowledged hold their place: a third job is refused while two are."""
    first, second = _admit(service), _admit(service)
    assert service.position_hint() == 2
    with pytest.raises(QueueFullError):
        _admit(service)
    service.release(second)
    assert await service.enqueue(first) == 1
    assert len(service.queue) == 1


async def test_cancel_while_acknowledging_means_it_never_runs(service) -> None:
    """A job cancelled between its acknowledgement and its queueing is dropped, as cancelled."""
    item = _admit(service)
    assert await service.cancel(f"#{item.id.upper()}", Requester(1, 9)) == item
    assert await service.enqueue(item) == 0
    assert len(service.queue) == 0
    assert (item.id, DownloadStatus.CANCELLED) in service.runner.sink.statuses


async def test_only_owners_and_moderators_of_the_guild_may_cancel(service) -> None:
    """Others get nothing; a moderator of another guild gets nothing either."""
    item = _admit(service, user=1, guild=9)
    await service.enqueue(item)
    assert await service.cancel(item.id, Requester(2, 9)) is None
    assert await service.cancel(item.id, Requester(2, 8, moderator=True)) is None
    assert await service.cancel(item.id, Requester(2, 9, moderator=True)) == item
    assert await service.cancel(item.id, Requester(1, 9)) is None  # already gone


async def test_wait_estimates_use_free_workers_and_recent_durations(service) -> None:
    """With free workers a job starts now; behind a full pool it waits whole rounds."""
    service.runner.durations.extend([10.0, 20.0])
    assert service.estimate_wait(1) == 0
    assert service.estimate_wait(service.pool.size + 1) == 15.0


async def test_in_direct_messages_the_daily_quota_is_each_users(make_settings) -> None:
    """DMs have no server: 1.2 MB delivered to one user in DMs refuses only that user there."""
    sink = RecordingSink(limit=10 * 1024 * 1024)
    fake = FakeDownloader(files={"big.mp4": MP4.ljust(1_200_000, b"\x00")})
    svc = DownloadService(make_settings(guild_daily_quota_mb=1), sink, fake.route)
    await svc.start()
    svc.start_workers()
    try:
        await svc.enqueue(_admit(svc, user=41, guild=None))
        while not svc.records.used_today(None, 41):  # the job's record is written
            await asyncio.sleep(0.01)
        with pytest.raises(RefusedError) as refused:
            _admit(svc, user=41, guild=None)
        assert str(refused.value) == (
            "You have used today's 1.0 MB download quota in direct messages. "
            "It resets at 00:00 UTC."
        )
        assert _admit(svc, user=42, guild=None).user_id == 42
        assert _admit(svc, user=41, guild=9).guild_id == 9
    finally:
        await svc.close()
