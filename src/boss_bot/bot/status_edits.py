"""Status messages that converge to their job's real state.

An edit can fail even after discord.py's own tries (a burst of 429s, Discord's 5xx). A
job's status message must not stay "📤 uploading…" after the job ended, so a state's
edit that failed for a passing reason is tried again later, with backoff and a bounded
number of times, unless a newer edit of the same message supersedes it. The edits of
one message go one at a time, in order, so an older text never lands after a newer one.
"""

import asyncio
import itertools
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager

import aiohttp
import discord
from loguru import logger

from boss_bot.core.tasks import BackgroundTasks

Edit = Callable[[], Awaitable[object]]
RETRY_DELAYS = (1.0, 3.0, 10.0, 30.0, 60.0, 120.0)  # seconds before each later try


def passing(exc: Exception) -> bool:
    """Whether trying again may help: rate limited, Discord's 5xx, the network."""
    if isinstance(exc, discord.HTTPException):
        return exc.status == 429 or exc.status >= 500
    return isinstance(exc, discord.RateLimited | aiohttp.ClientError | OSError)


class StatusEdits:
    """Orders the edits of each status message and tries a failed state's edit again."""

    def __init__(self, delays: Sequence[float] = RETRY_DELAYS) -> None:
        self.delays = tuple(delays)
        self._serial = itertools.count(1)
        self._newest: dict[int, int] = {}  # message id -> serial of its newest edit
        self._locks: dict[int, asyncio.Lock] = {}  # while some edit of the message waits
        self._users: Counter[int] = Counter()
        self._retries = BackgroundTasks()

    @asynccontextmanager
    async def _turn(self, message_id: int) -> AsyncIterator[None]:
        lock = self._locks.setdefault(message_id, asyncio.Lock())
        self._users[message_id] += 1
        try:
            async with lock:
                yield
        finally:
            self._users[message_id] -= 1
            if not self._users[message_id]:
                del self._locks[message_id], self._users[message_id]

    def _settle(self, message_id: int, serial: int) -> None:
        if self._newest.get(message_id) == serial:
            del self._newest[message_id]

    async def send(self, message_id: int, edit: Edit) -> None:
        """Edit now, after the message's earlier edits; a failure is raised, not retried."""
        serial = self._newest[message_id] = next(self._serial)
        try:
            async with self._turn(message_id):
                await edit()
        finally:
            self._settle(message_id, serial)

    async def converge(self, message_id: int, edit: Edit) -> None:
        """Edit now; if that fails for a passing reason, try again in the background.

        Never raises (but for a cancel): a failure for good (the message was deleted)
        is logged, and so is giving up after ``delays`` more tries.
        """
        serial = self._newest[message_id] = next(self._serial)
        try:
            done = await self._attempt(message_id, serial, edit)
        except BaseException:  # cancelled with the job: its own "cancelled" edit follows
            self._settle(message_id, serial)
            raise
        if not done:
            self._retries.spawn(self._again(message_id, serial, edit), name="status-edit-retry")

    async def _attempt(self, message_id: int, serial: int, edit: Edit) -> bool:
        """Try once; False if it should be tried again (it failed, and is still the newest)."""
        async with self._turn(message_id):
            if self._newest.get(message_id) != serial:
                return True  # superseded: a newer edit has been or will be sent
            try:
                await edit()
            except Exception as exc:
                if passing(exc):
                    logger.info("status edit of {} failed ({}): trying again", message_id, exc)
                    return False
                logger.opt(exception=True).warning("status edit of {} failed", message_id)
        self._settle(message_id, serial)
        return True

    async def _again(self, message_id: int, serial: int, edit: Edit) -> None:
        for delay in self.delays:
            await asyncio.sleep(delay)
            if await self._attempt(message_id, serial, edit):
                return
        logger.warning("gave up editing status message {}", message_id)
        self._settle(message_id, serial)

    @property
    def pending(self) -> int:
        """How many edits wait to be tried again."""
        return len(self._retries)

    async def close(self) -> None:
        """Stop the edits still waiting to be tried again."""
        await self._retries.close()
