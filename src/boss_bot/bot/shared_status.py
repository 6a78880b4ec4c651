"""Status messages shared by the jobs of one command: one line per job, each kept current.

Several links in one command get one acknowledgement, and it stays every job's status
message: a job's state is one line, found by its id (``Job `a1b2c3```), and each edit
writes the whole message from the newest line of every job. The lines live in memory
until all the message's jobs have finished; a message not in memory (after a restart,
or 🔄 on a finished one) is read back from Discord once, so the lines of other jobs
are kept.
"""

import re
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urlsplit

import discord

from boss_bot.bot.replies import MAX_CONTENT, NO_MENTIONS, unbroken
from boss_bot.core.items import DownloadItem
from boss_bot.core.tasks import BackgroundTasks

JOB = re.compile(r"Job `([0-9a-f]{6})`")
FINAL = ("✅", "❌", "⏹️")  # a job's line in a final state starts with one of these
LONGEST_LINK = 120


def shown_link(url: str) -> str:
    """A link as a line shows it: whole (without a preview) unless very long."""
    if len(url) <= LONGEST_LINK:
        return f"<{url}>"
    return f"{urlsplit(url).hostname}/…"


def line(item: DownloadItem, text: str) -> str:
    """A job's status text as one line of a shared message, with its link."""
    parts = (part.strip() for part in text.splitlines())
    return " · ".join([*filter(None, parts), shown_link(item.url)])


def refusal(url: str, reason: str) -> str:
    """The line of a link that was not queued (a limit), with the reason."""
    return f"⚠️ Not queued: {reason} · {shown_link(url)}"


def fit(lines: list[str]) -> str:
    """Lines as one message; if too long, each is cut to its share of Discord's limit."""
    if sum(len(text) + 1 for text in lines) > MAX_CONTENT:
        share = MAX_CONTENT // max(len(lines), 1) - 1
        lines = [text if len(text) <= share else text[: share - 1] + "…" for text in lines]
    return "\n".join(lines)


class SharedStatus:
    """The lines of the status messages that several jobs share, by message id."""

    def __init__(self) -> None:
        self._lines: dict[int, dict[str, str]] = {}  # message -> job id (or #n) -> line
        self._read: set[int] = set()  # messages whose earlier lines are in ``_lines``

    def open(self, message_id: int, lines: Iterable[tuple[str | None, str]]) -> None:
        """Remember a shared message just posted: ``(job id or None, line)`` in order."""
        self._lines[message_id] = {key or f"#{n}": text for n, (key, text) in enumerate(lines)}
        self._read.add(message_id)

    def seed(self, message_id: int, content: str) -> None:
        """Take the lines a message already shows; lines set since then win."""
        lines = {}
        for n, text in enumerate(content.splitlines()):
            found = JOB.search(text)
            lines[found.group(1) if found else f"#{n}"] = text
        lines.update(self._lines.get(message_id, {}))
        self._lines[message_id] = lines
        self._read.add(message_id)

    def put(self, message_id: int, job_id: str, text: str) -> None:
        """Set a job's line (a new job's line goes last)."""
        self._lines.setdefault(message_id, {})[job_id] = text

    def text(self, message_id: int) -> str:
        """The message's content (``fit``)."""
        return fit(list(self._lines.get(message_id, {}).values()))

    def settle(self, message_id: int) -> bool:
        """Whether every job of the message has finished; if so, forget its lines."""
        lines = self._lines.get(message_id, {})
        if any(not text.startswith(FINAL) for key, text in lines.items() if key[0] != "#"):
            return False
        self._lines.pop(message_id, None)
        self._read.discard(message_id)
        return True

    def edit(
        self, message: discord.PartialMessage, job_id: str, text: str, keeper: BackgroundTasks
    ) -> Callable[[], Awaitable[object]]:
        """Set the job's line now, and return the edit that shows it (with the others)."""
        self.put(message.id, job_id, text)

        async def edit() -> object:
            if message.id not in self._read:
                try:
                    self.seed(message.id, (await message.fetch()).content)
                except discord.HTTPException:
                    self._read.add(message.id)  # unreadable: show the lines we know
            self.put(message.id, job_id, text)  # again: it may have been forgotten since
            content = self.text(message.id)
            call = message.edit(content=content, allowed_mentions=NO_MENTIONS)
            return await unbroken(call, keeper)

        return edit
