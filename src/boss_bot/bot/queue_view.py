"""The ``$dlq`` embed: running jobs with progress, waiting jobs with position and wait."""

from collections.abc import Callable
from urllib.parse import urlsplit

import discord
from discord.utils import escape_markdown

from boss_bot.core.fmt import duration, size
from boss_bot.core.items import DownloadItem, DownloadStatus, ProgressEvent
from boss_bot.core.jobs.views import QueueView

FIELD_LIMIT = 1024  # Discord's limit for one embed field value


def _fit(lines: list[str], total: int, empty: str) -> str:
    """Join as many lines as fit in one field, then say how many were left out."""
    kept: list[str] = []
    for line in lines:
        if sum(len(k) + 1 for k in kept) + len(line) + 20 > FIELD_LIMIT:
            break
        kept.append(line)
    if total > len(kept):
        kept.append(f"…and {total - len(kept)} more")
    return "\n".join(kept) or empty


def _host(item: DownloadItem) -> str:
    return escape_markdown(urlsplit(item.url).hostname or "?")


def progress_text(event: ProgressEvent | None) -> str:
    """``45% of 12.0 MB · 1.2 MB/s``, or what is known of it."""
    if event is None:
        return "starting"
    if event.total:
        done = f"{min(event.downloaded / event.total, 1):.0%} of {size(event.total)}"
    else:
        done = f"{size(event.downloaded)}"
    return done + (f" · {size(event.speed)}/s" if event.speed else "")


NO_WORKER = "⚠️ No worker is connected: jobs wait until one starts. Tell the bot's operator."


def _eta(item: DownloadItem, n: int, wait_for: Callable[[int], float], stalled: bool) -> str:
    """A waiting job's estimated start, or that it is paused (⏸️: others pass it)."""
    if item.status is DownloadStatus.PAUSED:
        return "⏸️ paused"
    return "waits for a worker" if stalled else f"~{duration(wait_for(n))}"


def queue_embed(
    view: QueueView, *, wait_for: Callable[[int], float], caller_id: int
) -> discord.Embed:
    """Render the queue as one embed, short enough for Discord with any queue length."""
    running, waiting, progress, workers = view.running, view.waiting, view.progress, view.workers
    embed = discord.Embed(title="Download queue", colour=discord.Colour.blurple())
    stalled = view.connected == 0
    if stalled:  # the distributed mode, and every worker is gone
        embed.description = NO_WORKER
    elif view.connected is not None:
        embed.set_footer(text=f"{view.connected} worker(s) connected")
    run_lines = [
        f"`{i.id}` ⬇️ {progress_text(progress.get(i.id))} · {_host(i)} · <@{i.user_id}>"
        for i in running[:20]
    ]
    wait_lines = [
        f"**{n}.** `{i.id}` {i.priority.name.lower()} · {_host(i)} · <@{i.user_id}> · "
        f"{_eta(i, n, wait_for, stalled)}"
        for n, i in enumerate(waiting[:20], 1)
    ]
    embed.add_field(
        name=f"Running ({len(running)}/{workers})",
        value=_fit(run_lines, len(running), "Nothing running."),
        inline=False,
    )
    embed.add_field(
        name=f"Waiting ({len(waiting)})",
        value=_fit(wait_lines, len(waiting), "Nobody waiting."),
        inline=False,
    )
    mine = [f"`{i.id}` running" for i in running if i.user_id == caller_id]
    mine += [
        f"`{i.id}` position {n} ({_eta(i, n, wait_for, stalled)})"
        for n, i in enumerate(waiting, 1)
        if i.user_id == caller_id
    ]
    embed.add_field(name="Your jobs", value=_fit(mine, len(mine), "None."), inline=False)
    return embed
