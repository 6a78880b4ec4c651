"""What members are told: a waiting job's place, the ping when a job ends, the DM."""

from collections import Counter

from boss_bot.bot import render
from boss_bot.core.fmt import duration
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.ports import Place

MARKS = {"✅": "done", "❌": "failed", "⏹️": "cancelled"}  # a shared line's final states


def waiting(place: Place) -> str:
    """A waiting job's status: its place in the queue and when it should start."""
    start = f"starts in about {duration(place.wait)}" if place.wait > 0 else "next to start"
    ref = render.job_ref(place.item)
    return f"📥 Job {ref} is waiting: #{place.position} in the queue ({start})."


def jump(item: DownloadItem, message_id: int) -> str:
    """A link that opens the message in Discord."""
    return f"https://discord.com/channels/{item.guild_id or '@me'}/{item.channel_id}/{message_id}"


def mention(user_id: int) -> str:
    """The text that mentions a user."""
    return f"<@{user_id}>"


def tally(lines: str) -> Counter[str]:
    """How many jobs of a shared status message ended done, failed and cancelled."""
    marks = (mark for text in lines.splitlines() for mark in MARKS if text.startswith(mark))
    return Counter(MARKS[mark] for mark in marks)


def summary(counts: Counter[str]) -> str:
    """The jobs of one command, counted: ``2 done, 1 failed``."""
    return ", ".join(f"{counts[word]} {word}" for word in MARKS.values() if counts[word])


def failure(item: DownloadItem, result: DownloadResult | None) -> str:
    """Why a job failed, in a sentence (its status message says more)."""
    if item.error:
        return item.error
    if result is not None and result.oversized:
        return "its files are over this server's upload limit."
    return "nothing could be posted."


def ended(
    item: DownloadItem, result: DownloadResult | None, lines: str | None, link: str | None = None
) -> str | None:
    """What to tell about a status message whose jobs all ended; None: nothing (cancelled).

    ``lines`` is a shared message's text (several links), None for a single job;
    ``link`` (for a DM) opens the status message.
    """
    ref, to = render.job_ref(item), f": {link}" if link else "."
    if lines is not None:
        counts = tally(lines)
        if not counts["done"] and not counts["failed"]:
            return None
        return f"Your {sum(counts.values())} downloads have ended ({summary(counts)}){to}"
    if item.status is DownloadStatus.COMPLETED:
        return f"Your download {ref} is ready{to}"
    if item.status is DownloadStatus.FAILED:
        return f"Your download {ref} failed: {failure(item, result)}" + (
            f"\n{link}" if link else ""
        )
    return None
