"""``$dlt``, ``$dlr`` and ``$dl``: parse the link, hand it to the service, acknowledge."""

from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from boss_bot.bot import render
from boss_bot.bot.client import BossBot
from boss_bot.bot.delivery import STOP
from boss_bot.bot.help import DESCRIBE, NOTES, USAGE
from boss_bot.bot.members import may_use_high, missing_permissions
from boss_bot.bot.replies import answer, best_effort
from boss_bot.core.admission import JobRequest
from boss_bot.core.items import DownloadItem, DownloadPriority
from boss_bot.core.urls import Platform
from boss_bot.errors import UnsupportedSiteError, UserFacingError

REDDIT_ONLY = frozenset({Platform.REDDIT})
Priority = Literal["low", "normal", "high"]


class Downloads(commands.Cog):
    """Download media from a link and post it here."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    async def download(
        self, ctx: commands.Context[BossBot], url: str, priority: Priority = "normal",
        allowed: frozenset[Platform] | None = None, reply_to: int | None = None,
    ) -> None:  # fmt: skip
        """Validate, queue and acknowledge one download; raises ``UserFacingError`` on bad input.

        The files reply to ``reply_to``, else to the command's message, else (a slash
        command has none) to the status message.
        """
        service = self.bot.service
        await ctx.defer()  # a slash command must be answered within 3 s; a no-op for $
        if priority == "high" and not may_use_high(ctx, self.bot.settings.high_priority_role_ids):
            raise UserFacingError(
                "`high` priority is for moderators and members with the priority role. "
                "Leave it out to queue at normal priority."
            )
        if missing := missing_permissions(ctx):
            raise UserFacingError(
                f"I can't post files in this channel: I need {', '.join(missing)} here. "
                "Ask a moderator, or use a channel where I can."
            )
        checked = await service.validate(url, allowed)
        reply_to = reply_to or (None if ctx.interaction else ctx.message.id)
        guild_id = ctx.guild.id if ctx.guild else None
        level = DownloadPriority[priority.upper()]
        request = JobRequest(checked, ctx.author.id, ctx.channel.id, guild_id, reply_to, level)
        sent: list[discord.Message] = []

        async def acknowledge(item: DownloadItem, position: int, wait: float) -> int:
            sent.append(await answer(ctx, render.acknowledgement(item, position, wait)))
            return sent[0].id

        await service.submit(request, acknowledge)
        await best_effort(sent[0].add_reaction(STOP))

    @commands.hybrid_command(
        usage=USAGE, ignore_extra=False, brief="Download a Twitter/X post or a video link",
        help="Downloads the media of a Twitter/X post, or a video from any site yt-dlp "
        "supports (YouTube, TikTok, direct media links…), and posts it here.",
        extras={"examples": ["{prefix}dlt https://x.com/user/status/123",
                             "{prefix}dlt https://youtu.be/dQw4w9WgXcQ high"],
                "notes": NOTES},
    )  # fmt: skip
    @app_commands.describe(**DESCRIBE)
    async def dlt(
        self, ctx: commands.Context[BossBot], url: str, priority: Priority = "normal"
    ) -> None:
        """Download a Twitter/X post or a video."""
        await self.download(ctx, url, priority)

    @commands.hybrid_command(
        usage=USAGE, ignore_extra=False, brief="Download a Reddit post, gallery or video",
        help="Downloads the images or video of a Reddit post (reddit.com, redd.it, "
        "v.redd.it, i.redd.it) and posts them here.",
        extras={"examples": ["{prefix}dlr https://www.reddit.com/r/pics/comments/abc123/title/",
                             "{prefix}dlr https://redd.it/abc123 low"],
                "notes": ["Galleries arrive as several files, ten per message.", *NOTES]},
    )  # fmt: skip
    @app_commands.describe(**DESCRIBE)
    async def dlr(
        self, ctx: commands.Context[BossBot], url: str, priority: Priority = "normal"
    ) -> None:
        """Download a Reddit post."""
        try:
            await self.download(ctx, url, priority, REDDIT_ONLY)
        except UnsupportedSiteError:
            prefix = ctx.clean_prefix
            raise UnsupportedSiteError(
                f"`{prefix}dlr` is for Reddit links (reddit.com, redd.it). "
                f"Use `{prefix}dlt` or `{prefix}dl` for other sites."
            ) from None

    @commands.hybrid_command(
        usage=USAGE, ignore_extra=False, brief="Download from any supported link",
        help="Downloads the media at any supported link, picking the right downloader.",
        extras={"examples": ["{prefix}dl https://example.com/video.mp4"], "notes": NOTES},
    )  # fmt: skip
    @app_commands.describe(**DESCRIBE)
    async def dl(
        self, ctx: commands.Context[BossBot], url: str, priority: Priority = "normal"
    ) -> None:
        """Download from any supported link."""
        await self.download(ctx, url, priority)


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Downloads(bot))
