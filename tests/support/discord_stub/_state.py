"""Mutable state shared by the stub's REST and gateway halves."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any, TypeVar

from ._holds import Holds
from ._models import StubEvent, StubMessage, iso_now, new_snowflake
from ._nonces import Nonces

T = TypeVar("T")

# View channel, send messages, embed links, attach files, read history,
# add reactions, external emojis, create public threads, send in threads.
DEFAULT_PERMISSIONS = sum(1 << bit for bit in (10, 11, 14, 15, 16, 6, 18, 35, 38))
FILESIZE_LIMITS = {0: 10 * 1024 * 1024, 1: 10 * 1024 * 1024, 2: 50 * 1024 * 1024, 3: 100 * 1024**2}


class StubState:
    """Ids, users, messages and recorded activity of one stub server.

    Args:
        premium_tier: The guild's boost tier (drives discord.py's ``filesize_limit``).
        nonce_window: Seconds a message's nonce names it (``_nonces``).
    """

    def __init__(self, premium_tier: int = 0, nonce_window: float = 300.0) -> None:
        self.guild_id = new_snowflake()
        self.channel_id = new_snowflake()
        self.bot_user_id = new_snowflake()
        self.user_id = new_snowflake()
        self.bot_role_id = new_snowflake()
        self.users: dict[int, str] = {self.bot_user_id: "boss-bot", self.user_id: "owner"}
        self.joined_at = iso_now()
        self.premium_tier = premium_tier
        self.everyone_permissions = DEFAULT_PERMISSIONS
        self.base_url = ""
        self.messages: list[StubMessage] = []
        self.user_messages: list[StubMessage] = []
        self.events: list[StubEvent] = []
        self.requests: list[tuple[str, str]] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.more_guilds: dict[int, int] = {}  # {guild_id: channel_id} (StubGuilds)
        self.upload_failures: list[int] = []
        self.edit_failures: list[tuple[int, str]] = []  # (status, text the content contains)
        self.holds = Holds(self.record)  # requests kept unanswered (hold_edits, hold_upload)
        self.nonces = Nonces(nonce_window)  # enforce_nonce: a repeat returns the first message
        self._by_id: dict[int, StubMessage] = {}
        self._changed = asyncio.Event()

    @property
    def filesize_limit(self) -> int:
        """Upload limit in bytes that Discord enforces for the current tier."""
        return FILESIZE_LIMITS.get(self.premium_tier, FILESIZE_LIMITS[0])

    def record(self, kind: str, **data: Any) -> StubEvent:
        """Append a timestamped :class:`StubEvent` and wake message waiters.

        Args:
            kind: Event kind (see :class:`StubEvent`).
            **data: Details kept with the event.

        Returns:
            The recorded event.
        """
        event = StubEvent(kind, time.monotonic(), data)
        self.events.append(event)
        self._changed.set()
        self._changed = asyncio.Event()
        return event

    def add_message(self, message: StubMessage) -> None:
        """Index a new message as the bot's or a user's, by its author."""
        owner = self.messages if message.author_id == self.bot_user_id else self.user_messages
        owner.append(message)
        self._by_id[message.id] = message

    def get_message(self, message_id: int, channel_id: int | None = None) -> StubMessage | None:
        """Return a live (not deleted) message by id, optionally checking its channel."""
        message = self._by_id.get(int(message_id))
        if message is None or message.deleted:
            return None
        if channel_id is not None and message.channel_id != int(channel_id):
            return None
        return message

    async def wait_until(
        self,
        find: Callable[[], T | None],
        timeout: float,
        what: Callable[[], str],
    ) -> T:
        """Re-run ``find`` after every recorded event until it returns non-``None``.

        Args:
            find: Returns the awaited value, or ``None`` to keep waiting.
            timeout: Seconds to wait.
            what: Describes the wait for the timeout error.

        Returns:
            The first non-``None`` result of ``find``.

        Raises:
            TimeoutError: ``find`` kept returning ``None``.
        """
        try:
            async with asyncio.timeout(timeout):
                while True:
                    changed = self._changed
                    if (found := find()) is not None:
                        return found
                    await changed.wait()
        except TimeoutError:
            raise TimeoutError(f"discord stub: timed out after {timeout}s {what()}") from None
