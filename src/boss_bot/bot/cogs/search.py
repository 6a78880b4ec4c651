"""``$find``, ``$ask`` and ``$forget``: search over what this server's members shared.

Off until a server turns it on (``$settings set search on``); then every delivered job's
title, post text and subtitles are kept (never the media) for
``BOSS_BOT_SEARCH_RETENTION_DAYS``. Answers show only what their readers may see
(``bot.searching.visibility``).
"""

import asyncio

from discord.ext import commands, tasks
from loguru import logger

from boss_bot.bot.client import BossBot
from boss_bot.bot.permissions import requester
from boss_bot.bot.replies import NO_MENTIONS, answer, clip
from boss_bot.bot.searching.text import answered, found
from boss_bot.bot.searching.visibility import owner, private, visible_for
from boss_bot.core.search.entries import Hit
from boss_bot.errors import UserFacingError

OFF = "Search is off in this server. A server admin can turn it on: `{p}settings set search on`."
OFF_DM = "Search is off in your direct messages: `{p}dls set search on` keeps your downloads here."
OFF_BOT = "Search is off on this bot."
BUSY = commands.BucketType.user  # per member: $ask may call a paid model, $find reads the disk


class Search(commands.Cog):
    """Find and ask over the server's shared links; forget one."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        """Start pruning expired items (every hour)."""
        self.prune.start()

    async def cog_unload(self) -> None:
        """Stop pruning."""
        self.prune.cancel()

    @tasks.loop(hours=1)
    async def prune(self) -> None:
        """Remove the items older than the retention."""
        try:
            if removed := await asyncio.to_thread(self.bot.search.prune):
                logger.info("search forgot {} expired item(s)", removed)
        except Exception:
            logger.exception("could not prune the search index")

    def _check_on(self, ctx: commands.Context[BossBot]) -> None:
        search = self.bot.search
        if not search.on(ctx.guild.id if ctx.guild else None, ctx.author.id):
            off = OFF_BOT if search.retention.total_seconds() == 0 else OFF if ctx.guild else OFF_DM
            raise UserFacingError(off.format(p=ctx.clean_prefix))

    async def _say(self, ctx: commands.Context[BossBot], text: str) -> None:
        if ctx.interaction is None:
            await answer(ctx, text)
        else:
            await ctx.send(clip(text), ephemeral=True, allowed_mentions=NO_MENTIONS)

    @commands.hybrid_command(
        brief="Find what was shared here, by words in its title, text or speech",
        help="Searches this server's downloads (titles, post text, uploader, tags and the "
        "videos' subtitles) and shows the best 5 with a link to where each was posted. "
        "In a channel it shows items from this channel and from channels everyone can "
        "see; /find answers only you and shows every channel you can see.",
        extras={"examples": ["{prefix}find bridge collapse", "{prefix}find cooking pasta"]},
    )
    @commands.cooldown(5, 30, BUSY)
    async def find(self, ctx: commands.Context[BossBot], *, words: str) -> None:
        """Show the best items for ``words``."""
        self._check_on(ctx)
        async with ctx.typing(ephemeral=private(ctx)):
            hits = await self.bot.search.find(owner(ctx), words, visible_for(ctx))
        await self._say(ctx, found(words, hits))

    @commands.hybrid_command(
        brief="Ask a question about what was shared here",
        help="Answers from this server's shared items only, citing them as [1], [2]… with "
        "links. With a language model configured by the operator it writes an answer; "
        "otherwise it shows the passages that answer best.",
        extras={"examples": ["{prefix}ask who explained how the bridge was built?"]},
    )
    @commands.cooldown(3, 60, BUSY)
    @commands.max_concurrency(1, BUSY)
    async def ask(self, ctx: commands.Context[BossBot], *, question: str) -> None:
        """Answer ``question`` from the best items, with citations."""
        self._check_on(ctx)
        async with ctx.typing(ephemeral=private(ctx)):
            reply = await self.bot.search.ask(owner(ctx), question, visible_for(ctx))
        await self._say(ctx, answered(reply))

    @commands.hybrid_command(
        brief="Remove a shared item from search at once",
        help="Takes the job id or a link (the reply with the files, or the source page). "
        "The member who asked for the download or a moderator (Manage Messages) may.",
        extras={"examples": ["{prefix}forget 3fa9c1"]},
    )
    async def forget(self, ctx: commands.Context[BossBot], target: str) -> None:
        """Forget the item ``target`` names (also while search is off: it stops nothing)."""
        entry = await self.bot.search.lookup(owner(ctx), target, ctx.author.id)
        if entry is None or not visible_for(ctx)(Hit(entry, "")):  # hidden: as if unknown
            raise UserFacingError("Search knows no such item here: give a job id or a link.")
        who = requester(ctx)
        if entry.requester_id != who.user_id and not who.moderator:
            raise UserFacingError("Only who asked for it or a moderator may make search forget it.")
        await self.bot.search.forget(entry.owner, entry.job_id)
        await self._say(ctx, f"🗑️ Forgotten: `{entry.job_id}` no longer shows in search.")


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Search(bot))
