"""Requests the stub keeps unanswered on a test's command: edits, and one upload."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, Literal

Gate = Literal["pass", "post", "drop"]


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
        self.post_held = False  # released, the held upload is posted (else dropped)

    async def edit_gate(self, message_id: int) -> None:
        """Let a PATCH through, or record ``edit_held`` and wait while edits are held."""
        if not self.edits_open.is_set():
            self.record("edit_held", message_id=message_id)
            await self.edits_open.wait()

    def hold_upload(self, after: int, post: bool = False) -> asyncio.Event:
        """Arm the hold: ``after`` more uploads pass, the next one is held (see below)."""
        self.uploads_before_hold, self.post_held = after, post
        self.upload_released = asyncio.Event()
        return self.upload_released

    async def upload_gate(self, names: list[str]) -> Gate:
        """``pass`` to post the upload; for the held one, once released, ``post`` or ``drop``.

        The held request gets no answer until the test sets the event, as if the bot
        died while Discord was still receiving it (``drop``: never posted) or still
        making the message (``post``); the hold is then disarmed.
        """
        if self.uploads_before_hold is None:
            return "pass"
        if self.uploads_before_hold > 0:
            self.uploads_before_hold -= 1
            return "pass"
        self.uploads_before_hold = None
        self.record("upload_held", files=names)
        await self.upload_released.wait()
        return "post" if self.post_held else "drop"
