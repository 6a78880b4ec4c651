"""A waiting job's status message shows its place in the queue, edited as it moves up.

One worker, three jobs, each download held until the test lets it through: the third
job is acknowledged at position 2, edited to #1 when the first job ends, and to
"starting now" when its turn comes. Edits are paced by ``PROGRESS_INTERVAL`` (1 s).
"""

import asyncio
import inspect
import re
from dataclasses import dataclass, field

import discord.ext.test as dpytest
import pytest
from discord.ext.test import backend

from tests.bot.conftest import drain, sent
from tests.fakes import FakeDownloader

JOB_ID = re.compile(r"`([0-9a-f]{6})`")


@dataclass
class OneAtATime(FakeDownloader):
    """A fake whose downloads each wait for a turn the test hands out (``let_one_through``)."""

    turns: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(0))

    async def download(self, url, dest, limits, on_progress):
        await self.turns.acquire()
        return await super().download(url, dest, limits, on_progress)

    def let_one_through(self) -> None:
        self.turns.release()


@pytest.fixture
def edits(monkeypatch: pytest.MonkeyPatch) -> dict[int, list[str]]:
    """Every content the bot edited each message to, by message id, in order."""
    seen: dict[int, list[str]] = {}
    edit = backend.FakeHttp.edit_message  # conftest's wrapper

    async def record(http, channel_id, message_id, **fields):
        self = inspect.currentframe().f_back.f_locals.get("self")  # noqa: F841 - dpytest
        params = fields.get("params")
        payload = params.payload if params is not None else fields
        if payload and "content" in payload:
            seen.setdefault(message_id, []).append(payload["content"])
        return await edit(http, channel_id, message_id, **fields)

    monkeypatch.setattr(backend.FakeHttp, "edit_message", record)
    return seen


async def shown(edits: dict[int, list[str]], message_id: int, pattern: str) -> None:
    """Wait (bounded) until the message was edited to match ``pattern`` (a regex)."""
    async with asyncio.timeout(10):
        while not any(re.search(pattern, content) for content in edits.get(message_id, [])):
            await asyncio.sleep(0.02)


async def test_the_third_job_moves_up_then_starts(make_bot, edits) -> None:
    """Acknowledged at #2 (with a wait), edited to #1, then "starting now" when it starts."""
    fake = OneAtATime()
    bot = await make_bot(fake.route, max_concurrent_downloads=1, progress_interval=1)
    for n in range(3):
        await dpytest.message(f"$dl https://example.com/{n}.mp4")
    *_, third = [m for m in sent() if JOB_ID.search(m.content)]
    job = JOB_ID.search(third.content).group(1)
    assert re.search(r"position 2 in the queue \(starts in about .+\)", third.content)
    fake.let_one_through()  # the first job ends; the second starts; the third is next
    await shown(edits, third.id, "#1 in the queue")
    fake.let_one_through()
    await shown(edits, third.id, "starting now")
    fake.let_one_through()
    await drain(bot)
    contents = edits[third.id]
    assert re.fullmatch(
        rf"📥 Job `{job}` is waiting: #1 in the queue \(starts in about .+\)\.", contents[0]
    )
    assert contents[1] == f"⬇️ Job `{job}` is starting now: downloading…"
    assert contents[-1].startswith("✅")


async def test_a_shared_status_shows_each_lines_position(make_bot, edits) -> None:
    """Three links, one worker: the third link's line moves from position 2 to #1."""
    fake = OneAtATime()
    bot = await make_bot(fake.route, max_concurrent_downloads=1, progress_interval=1)
    links = [f"https://example.com/{n}.mp4" for n in range(3)]
    await dpytest.message(f"$dl {' '.join(links)}")
    status = sent()[0]
    third = status.content.splitlines()[2]
    assert "position 3 in the queue" in third  # none had started when it was posted
    fake.let_one_through()
    await shown(edits, status.id, rf"#1 in the queue \(starts in about .+\)\. · <{links[2]}>")
    fake.let_one_through()
    fake.let_one_through()
    await drain(bot)
    assert all(line.startswith("✅") for line in edits[status.id][-1].splitlines())
