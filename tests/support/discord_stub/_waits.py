"""Waiting helpers and event queries for :class:`DiscordStub`."""

from __future__ import annotations

from collections.abc import Callable

from ._models import StubEvent, StubMessage
from ._server import StubServer

# Every wait's bound is multiplied by this: bounds are written for an idle machine, and
# CI runs three test processes on two cores, where the bot's steps take several times
# longer. Only a wait that fails pays for it (its error says the full time waited).
SLACK = 3


class StubWaits(StubServer):
    """Ways for a test to wait on the bot and look at what it did."""

    @property
    def connections(self) -> int:
        """Number of gateway connections that completed IDENTIFY or RESUME."""
        return len(self.gateway.live)

    def events_of(self, kind: str) -> list[StubEvent]:
        """Return the recorded events of one kind."""
        return [e for e in self.state.events if e.kind == kind]

    async def wait_ready(self, timeout: float = 15, min_ready: int = 1) -> None:
        """Wait until a live bot has IDENTIFY'd and processed READY + GUILD_CREATE.

        The stub knows the bot processed them when it answers the heartbeat request
        (op 1) sent right after GUILD_CREATE. discord.py still fires ``on_ready``
        ``guild_ready_timeout`` seconds later, but already handles messages.

        Args:
            timeout: Seconds to wait.
            min_ready: Confirmed READYs in total so far; pass 2 after restarting a bot
                once, so a dead connection the stub has not noticed yet cannot count.
        """

        def find() -> bool | None:
            confirmed = any(c.confirmed for c in self.gateway.live)
            done = confirmed and len(self.events_of("ready")) >= min_ready
            return True if done else None

        await self.state.wait_until(find, timeout * SLACK, lambda: "waiting for a bot to IDENTIFY")

    async def wait_for_message(
        self,
        predicate: Callable[[StubMessage], bool] | None = None,
        timeout: float = 30,
    ) -> StubMessage:
        """Return the first bot message (posted before or after; edits re-checked) matching.

        ``timeout``, like every wait's here, is for an idle machine (× ``SLACK``).
        """
        check = predicate or (lambda _m: True)
        seen = lambda: [(m.id, m.content[:60], len(m.attachments)) for m in self.messages]  # noqa: E731
        return await self.state.wait_until(
            lambda: next((m for m in list(self.messages) if check(m)), None),
            timeout * SLACK,
            lambda: f"waiting for a bot message; the bot posted {seen()}",
        )

    async def wait_for_event(
        self,
        kind: str,
        predicate: Callable[[StubEvent], bool] | None = None,
        timeout: float = 30,
    ) -> StubEvent:
        """Return the first recorded :class:`StubEvent` of ``kind`` matching ``predicate``."""
        check = predicate or (lambda _e: True)
        return await self.state.wait_until(
            lambda: next((e for e in self.events_of(kind) if check(e)), None),
            timeout * SLACK,
            lambda: f"waiting for a {kind!r} event",
        )
