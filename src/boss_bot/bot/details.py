"""ℹ️ on a status message: a short reply with the jobs' details, deleted after a minute.

Anyone who can see the message may ask. The reply names the requester without pinging
them (no mentions at all). A reaction cannot get an ephemeral answer, so for slash and
menu commands too the reply is public and deletes itself (``delete_after``).
"""

from datetime import datetime

import discord

from boss_bot.bot.client import BossBot
from boss_bot.bot.replies import NO_MENTIONS, best_effort, clip
from boss_bot.core.fmt import duration, size
from boss_bot.core.jobs.details import JobDetails

DELETE_AFTER = 60.0  # seconds the ℹ️ reply stays


def _when(moment: datetime | None) -> str:
    """A Discord timestamp: each reader sees it in their own time zone."""
    return f"<t:{int(moment.timestamp())}:T>" if moment else "–"


def timings(job: JobDetails) -> str:
    """Queued → started → finished, and how long it all took."""
    line = f"queued {_when(job.created_at)} → started {_when(job.started_at)}"
    if job.completed_at is None:
        return line
    took = (job.completed_at - job.created_at).total_seconds()
    return f"{line} → finished {_when(job.completed_at)} ({duration(took)} in all)"


def block(job: JobDetails) -> str:
    """One job's details."""
    sizes = "–"
    if job.fetched_bytes or job.delivered_bytes:
        sizes = f"{size(job.fetched_bytes)} downloaded → {size(job.delivered_bytes)} delivered"
    return "\n".join(
        (
            f"ℹ️ Job `{job.job_id}` · {job.status.value}",
            f"Source: <{job.url}>",
            f"Asked by <@{job.user_id}> · downloader: {job.downloader or '–'} · "
            f"attempts: {job.attempts}",
            f"Size: {sizes} · formats: {', '.join(job.formats) or '–'}",
            f"Timings: {timings(job)}",
        )
    )


def details(jobs: list[JobDetails]) -> str:
    """The whole reply (several jobs share a status message for several links)."""
    text = "\n\n".join(block(job) for job in jobs)
    return text + "\n-# This note disappears in a minute."


async def reply_details(bot: BossBot, payload: discord.RawReactionActionEvent) -> None:
    """Answer ℹ️ on a status message with its jobs' details (nothing if it shows none)."""
    jobs = bot.service.details(payload.message_id)
    if not jobs:
        return
    channel = bot.get_channel(payload.channel_id)
    if not isinstance(channel, discord.abc.Messageable):  # not cached (a DM)
        channel = bot.get_partial_messageable(payload.channel_id)
    status = discord.MessageReference(
        message_id=payload.message_id, channel_id=payload.channel_id, fail_if_not_exists=False
    )
    text = clip(details(jobs))
    sent = channel.send(
        text, reference=status, allowed_mentions=NO_MENTIONS, delete_after=DELETE_AFTER
    )
    await best_effort(sent)
