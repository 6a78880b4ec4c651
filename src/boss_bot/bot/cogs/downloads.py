"""``$dlt``, ``$dlr`` and ``$dl``: parse the link, hand it to the service, acknowledge."""

from discord.ext import commands

from boss_bot.bot import render
from boss_bot.bot.client import BossBot
from boss_bot.bot.delivery import NO_MENTIONS
from boss_bot.core.urls import Platform
from boss_bot.errors import UnsupportedSiteError

REDDIT_ONLY = frozenset({Platform.REDDIT})


class Downloads(commands.Cog):
    """Download media from a link and post it here."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    async def _download(
        self, ctx: commands.Context, url: str, allowed: frozenset[Platform] | None = None
    ) -> None:
        service = self.bot.service
        checked = await service.validate(url, allowed)
        item = service.admit(
            checked,
            user_id=ctx.author.id,
            channel_id=ctx.channel.id,
            guild_id=ctx.guild.id if ctx.guild else None,
            message_id=ctx.message.id,
        )
        ack = await ctx.reply(
            render.acknowledgement(item, service.position_hint()), allowed_mentions=NO_MENTIONS
        )
        service.enqueue(item.evolve(status_message_id=ack.id))

    @commands.command(
        usage="<url>",
        ignore_extra=False,
        brief="Download a Twitter/X post or a video link",
        help="Downloads the media of a Twitter/X post, or a video from any site yt-dlp "
        "supports (YouTube, TikTok, direct media links…), and posts it here.",
    )
    async def dlt(self, ctx: commands.Context, url: str) -> None:
        """Download a Twitter/X post or a video."""
        await self._download(ctx, url)

    @commands.command(
        usage="<url>",
        ignore_extra=False,
        brief="Download a Reddit post, gallery or video",
        help="Downloads the images or video of a Reddit post (reddit.com, redd.it, "
        "v.redd.it, i.redd.it) and posts them here.",
    )
    async def dlr(self, ctx: commands.Context, url: str) -> None:
        """Download a Reddit post."""
        try:
            await self._download(ctx, url, REDDIT_ONLY)
        except UnsupportedSiteError:
            prefix = ctx.clean_prefix
            raise UnsupportedSiteError(
                f"`{prefix}dlr` is for Reddit links (reddit.com, redd.it). "
                f"Use `{prefix}dlt` or `{prefix}dl` for other sites."
            ) from None

    @commands.command(
        usage="<url>",
        ignore_extra=False,
        brief="Download from any supported link",
        help="Downloads the media at any supported link, picking the right downloader.",
    )
    async def dl(self, ctx: commands.Context, url: str) -> None:
        """Download from any supported link."""
        await self._download(ctx, url)


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Downloads(bot))
