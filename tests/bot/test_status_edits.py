"""Status edits converge: a failed edit is tried again, in order, unless superseded."""

import asyncio
from types import SimpleNamespace

import discord
import pytest

from boss_bot.bot.status_edits import StatusEdits


def _refused(status: int) -> discord.HTTPException:
    response = SimpleNamespace(status=status, reason="refused")
    return (discord.NotFound if status == 404 else discord.HTTPException)(response, "no")


class Message:
    """A status message whose next ``failures`` edits are refused with ``status``."""

    def __init__(self, failures: int = 0, status: int = 429) -> None:
        self.failures, self.status = failures, status
        self.tries: list[str] = []
        self.content = ""
        self.changed = asyncio.Event()

    def edit(self, text: str):
        async def run() -> None:
            self.tries.append(text)
            if self.failures:
                self.failures -= 1
                raise _refused(self.status)
            self.content = text
            self.changed.set()

        return run


async def _settled(edits: StatusEdits) -> None:
    async with asyncio.timeout(5):
        while edits.pending:
            await asyncio.sleep(0.01)


async def test_a_failed_edit_is_tried_again_until_it_lands() -> None:
    """Two 429s after discord.py's own tries: the third try shows ✅; nothing is raised."""
    edits, message = StatusEdits(delays=(0.01,) * 5), Message(failures=2)
    await edits.converge(1, message.edit("✅ done"))
    await _settled(edits)
    assert (message.content, len(message.tries)) == ("✅ done", 3)


async def test_a_newer_edit_supersedes_one_waiting_to_be_tried_again() -> None:
    """📤 fails; ✅ is sent before 📤's next try: 📤 is never sent again over ✅."""
    edits, message = StatusEdits(delays=(0.05,) * 3), Message(failures=1)
    await edits.converge(1, message.edit("📤 uploading"))
    await edits.converge(1, message.edit("✅ done"))
    await _settled(edits)
    assert message.tries == ["📤 uploading", "✅ done"]
    assert message.content == "✅ done"


async def test_tries_are_bounded_and_a_failure_for_good_is_not_repeated() -> None:
    """Always 429: 1 + len(delays) tries, then it gives up; a 404 is tried once."""
    edits, busy, gone = StatusEdits(delays=(0.0, 0.0)), Message(99), Message(99, status=404)
    await edits.converge(1, busy.edit("✅ done"))
    await edits.converge(2, gone.edit("✅ done"))
    await _settled(edits)
    assert (len(busy.tries), len(gone.tries)) == (3, 1)


async def test_send_raises_and_waits_for_the_edit_before_it() -> None:
    """``send`` (an acknowledgement) raises its failure and never overtakes an earlier edit."""
    edits, message, release = StatusEdits(), Message(), asyncio.Event()

    async def held() -> None:
        await release.wait()
        message.tries.append("held")

    first = asyncio.create_task(edits.send(1, held))
    second = asyncio.create_task(edits.send(1, message.edit("📥 again")))
    await asyncio.sleep(0)  # both wait: the first for its answer, the second for its turn
    release.set()
    await asyncio.wait_for(asyncio.gather(first, second), 5)
    assert message.tries == ["held", "📥 again"]
    message.failures = 1
    with pytest.raises(discord.HTTPException):
        await edits.send(1, message.edit("📥 once more"))
