"""The download service's daily quota in direct messages: each user has their own."""

import asyncio

import pytest

from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs.admission import JobRequest
from boss_bot.core.jobs.assembly import build_service
from boss_bot.core.jobs.service import DownloadService
from boss_bot.core.metrics import Metrics
from boss_bot.core.urls import check_url
from boss_bot.errors import RefusedError
from tests.core.jobkit import RecordingSink
from tests.fakes import MP4, FakeDownloader

URL = check_url("https://example.com/v.mp4")


async def _noted(item: DownloadItem, position: int, wait: float) -> int:
    return 77  # the id of the acknowledgement message


async def _submit(service: DownloadService, user: int = 1, guild: int | None = 9, ack=_noted):
    return await service.submit(JobRequest(URL, user, 2, guild), ack)


async def test_in_direct_messages_the_daily_quota_is_each_users(make_settings) -> None:
    """DMs have no server: 1.2 MB delivered to one user in DMs refuses only that user there."""
    sink = RecordingSink(limit=10 * 1024 * 1024)
    fake = FakeDownloader(files={"big.mp4": MP4.ljust(1_200_000, b"\x00")})
    svc = build_service(make_settings(guild_daily_quota_mb=1), sink, fake.route, Metrics())
    await svc.start()
    svc.start_workers()
    try:
        await _submit(svc, user=41, guild=None)
        while not svc._parts.records.used_today(None, 41):  # the job's record is written
            await asyncio.sleep(0.01)
        with pytest.raises(RefusedError) as refused:
            await _submit(svc, user=41, guild=None)
        assert str(refused.value) == (
            "You have used today's 1.0 MB download quota in direct messages. "
            "It resets at 00:00 UTC."
        )
        assert (await _submit(svc, user=42, guild=None)).user_id == 42
        assert (await _submit(svc, user=41, guild=9)).guild_id == 9
    finally:
        await svc.close()
