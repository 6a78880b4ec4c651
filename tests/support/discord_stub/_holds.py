"""Requests the stub keeps unanswered on a test's command: edits, and one upload."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


class Holds:
    """Gates that PATCH and file-upload handlers pass through.

    Args:
        record: Records a stub event (``StubState.record``).
    """

    def __init__(self, record: Callable[..., Any]) -> None:
        self.record = record
        self.edits_open = asyncio.Event()  # cleared: PATCH requests wait (see hold_edits)
        self.edits_open.set()
        self.uploads_before_hold: int | None = None  # None: no upload is held
        self.upload_released = asyncio.Event()

    async def edit_gate(self, message_id: int) -> None:
        """Let a PATCH through, or record ``edit_held`` and wait while edits are held."""
        if not self.edits_open.is_set():
            self.record("edit_held", message_id=message_id)
            await self.edits_open.wait()

    def hold_upload(self, after: int) -> asyncio.Event:
        """Arm the hold: ``after`` more uploads pass, the next one is held (see below)."""
        self.uploads_before_hold = after
        self.upload_released = asyncio.Event()
        return self.upload_released

    async def upload_gate(self, names: list[str]) -> bool:
        """True to post the upload; False for the held one, once released (never posted).

        The held request gets no answer until the test sets the event, as if the bot
        died while Discord was still receiving it; the hold is then disarmed.
        """
        if self.uploads_before_hold is None:
            return True
        if self.uploads_before_hold > 0:
            self.uploads_before_hold -= 1
            return True
        self.uploads_before_hold = None
        self.record("upload_held", files=names)
        await self.upload_released.wait()
        return False
