"""``$dlt``, ``$dlr`` and ``$dl``: parse the link, hand it to the service, acknowledge."""

from discord import app_commands
from discord.ext import commands

from boss_bot.bot.client import BossBot
from boss_bot.bot.help import DESCRIBE, NOTES, USAGE
from boss_bot.bot.requesting import request_download
from boss_bot.core.urls import Platform

REDDIT_ONLY = frozenset({Platform.REDDIT})
NOT_REDDIT = frozenset(Platform) - REDDIT_ONLY


class Downloads(commands.Cog):
    """Download media from a link and post it here."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    @commands.hybrid_command(
        usage=USAGE,
        ignore_extra=False,
        brief="Download a Twitter/X post or a video link",
        help="Downloads the media of a Twitter/X post, or the video or pictures at a link "
        "of any other site yt-dlp or gallery-dl supports (YouTube, TikTok, Instagram, "
        "Imgur, Bluesky, direct media links…), and posts it here. Reddit links: `dlr`.",
        extras={
            "examples": [
                "{prefix}dlt https://x.com/user/status/123",
                "{prefix}dlt https://youtu.be/dQw4w9WgXcQ high",
                "{prefix}dlt https://x.com/a/status/1 https://x.com/b/status/2",
            ],
            "notes": NOTES,
        },
    )
    @app_commands.describe(**DESCRIBE)
    async def dlt(self, ctx: commands.Context[BossBot], *, url: str) -> None:
        """Download a Twitter/X post or a video."""
        prefix = ctx.clean_prefix
        wrong_site = f"That is a Reddit link: use `{prefix}dlr` (or `{prefix}dl`) for it."
        await request_download(ctx, url, NOT_REDDIT, wrong_site=wrong_site)

    @commands.hybrid_command(
        usage=USAGE,
        ignore_extra=False,
        brief="Download a Reddit post, gallery or video",
        help="Downloads the images or video of a Reddit post (reddit.com, redd.it, "
        "v.redd.it, i.redd.it) and posts them here.",
        extras={
            "examples": [
                "{prefix}dlr https://www.reddit.com/r/pics/comments/abc123/title/",
                "{prefix}dlr https://redd.it/abc123 low",
            ],
            "notes": ["Galleries arrive as several files, ten per message.", *NOTES],
        },
    )
    @app_commands.describe(**DESCRIBE)
    async def dlr(self, ctx: commands.Context[BossBot], *, url: str) -> None:
        """Download a Reddit post."""
        prefix = ctx.clean_prefix
        wrong_site = (
            f"`{prefix}dlr` is for Reddit links (reddit.com, redd.it). "
            f"Use `{prefix}dlt` or `{prefix}dl` for other sites."
        )
        await request_download(ctx, url, REDDIT_ONLY, wrong_site=wrong_site)

    @commands.hybrid_command(
        usage=USAGE,
        ignore_extra=False,
        brief="Download from any supported link",
        help="Downloads the media at any link gallery-dl or yt-dlp supports, Reddit and "
        "Twitter/X included. It starts with the library that knows the site, and tries "
        "the other when the first finds nothing.",
        extras={"examples": ["{prefix}dl https://example.com/video.mp4"], "notes": NOTES},
    )
    @app_commands.describe(**DESCRIBE)
    async def dl(self, ctx: commands.Context[BossBot], *, url: str) -> None:
        """Download from any supported link."""
        await request_download(ctx, url)


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Downloads(bot))
