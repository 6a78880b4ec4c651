"""Asking for downloads: the checks every entry point shares, then the service's ``submit``.

Used by ``$dlt``/``$dlr``/``$dl`` (and their slash forms) and by the "Download media"
message command. One link: one job, acknowledged by its own status message, whose ⏹️
cancels it. Several links (``links.split_links``): every link is checked first, and a
bad one refuses the whole command, naming it; then one job per link, acknowledged
together (``acknowledging``).
"""

import discord
from discord.ext import commands

from boss_bot.bot import render
from boss_bot.bot.acknowledging import submit_several
from boss_bot.bot.client import BossBot
from boss_bot.bot.emoji import REACTIONS
from boss_bot.bot.links import Priority, split_links
from boss_bot.bot.permissions import may_use_high, missing_permissions
from boss_bot.bot.repeats import answer_repeats
from boss_bot.bot.replies import answer, best_effort
from boss_bot.core.items import DownloadItem, DownloadPriority
from boss_bot.core.jobs.admission import JobRequest
from boss_bot.core.urls import CheckedURL, Platform
from boss_bot.errors import UnsupportedSiteError, UserFacingError

__all__ = ["Priority", "request_download"]


async def _checked(
    ctx: commands.Context[BossBot],
    links: list[str],
    allowed: frozenset[Platform] | None,
    wrong_site: str | None,
) -> list[CheckedURL]:
    """Validate every link; the first bad one refuses them all (named, if several)."""
    checked: dict[str, CheckedURL] = {}
    for number, link in enumerate(links, 1):
        try:
            url = await ctx.bot.service.validate(link, allowed)
        except UserFacingError as exc:
            if wrong_site and isinstance(exc, UnsupportedSiteError):
                exc = UnsupportedSiteError(wrong_site)
            if len(links) > 1:
                shown = link[:80].replace("`", "") + ("…" if len(link) > 80 else "")
                why = f"Link {number} of {len(links)} (`{shown}`): {exc} Nothing was queued."
                exc = type(exc)(why)
            raise exc from None
        checked.setdefault(url.url, url)  # the same link twice is one job
    return list(checked.values())


async def request_download(
    ctx: commands.Context[BossBot],
    text: str,
    allowed: frozenset[Platform] | None = None,
    reply_to: int | None = None,
    wrong_site: str | None = None,
) -> None:
    """Validate, queue and acknowledge the downloads of ``text``: links, priority, ``force``.

    A link delivered or queued here before is answered with a jump link to it
    (``repeats``) unless ``force`` follows the links.

    The files reply to ``reply_to``, else to the command's message, else (a slash
    command has none) to the status message. ``wrong_site`` replaces the message for
    a link of a site ``allowed`` leaves out.

    Raises:
        UserFacingError: Bad input, nothing queued.
    """
    service = ctx.bot.service
    await ctx.defer()  # a slash command must be answered within 3 s; a no-op for $
    guild_id = ctx.guild.id if ctx.guild else None
    preferred = ctx.bot.servers.member(ctx.author.id).priority
    links, priority, force = split_links(text, ctx.bot.settings.max_links_per_command, preferred)
    high_roles = ctx.bot.servers.server(guild_id).high_priority_roles
    if priority == "high" and not may_use_high(ctx, high_roles):
        raise UserFacingError(
            "`high` priority is for moderators and members with the priority role. "
            "Leave it out to queue at normal priority."
        )
    if missing := missing_permissions(ctx):
        raise UserFacingError(
            f"I can't post files in this channel: I need {', '.join(missing)} here. "
            "Ask a moderator, or use a channel where I can."
        )
    urls = await _checked(ctx, links, allowed, wrong_site)
    if not force and not (urls := await answer_repeats(ctx, urls)):
        return  # every link was answered with where it already is
    reply_to = reply_to or (None if ctx.interaction else ctx.message.id)
    level, shared = DownloadPriority[priority.upper()], len(urls) > 1
    requests = [
        JobRequest(url, ctx.author.id, ctx.channel.id, guild_id, reply_to, level, shared)
        for url in urls
    ]
    if shared:
        await submit_several(ctx, requests)
        return
    sent: list[discord.Message] = []

    async def acknowledge(item: DownloadItem, position: int, wait: float) -> int:
        sent.append(await answer(ctx, render.acknowledgement(item, position, wait)))
        return sent[0].id

    await service.submit(requests[0], acknowledge)
    for emoji in REACTIONS:
        await best_effort(sent[0].add_reaction(emoji))
