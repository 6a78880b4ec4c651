"""``$dlq`` shows the queue; ``$dlc`` cancels jobs."""

from discord import app_commands
from discord.ext import commands

from boss_bot.bot.client import BossBot
from boss_bot.bot.permissions import requester
from boss_bot.bot.queue_view import queue_embed
from boss_bot.bot.replies import answer


class Queue(commands.Cog):
    """See and manage the download queue."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    @commands.hybrid_command(
        brief="Show the download queue",
        help="Shows running jobs with their progress, waiting jobs with their position "
        "and estimated wait, and where your own jobs are.",
        extras={"examples": ["{prefix}dlq"]},
    )
    async def dlq(self, ctx: commands.Context[BossBot]) -> None:
        """Show running and waiting jobs."""
        service = self.bot.service  # this guild's jobs; in DMs, your own
        view = service.queue_view().where(ctx.guild.id if ctx.guild else None, ctx.author.id)
        if not view:
            await answer(ctx, "The queue is empty.")
            return
        embed = queue_embed(view, wait_for=service.estimate_wait, caller_id=ctx.author.id)
        await answer(ctx, embed=embed)

    @commands.hybrid_command(
        usage="<job id|all>",
        brief="Cancel a download",
        help="Cancels one of your jobs, waiting or running, by the id its messages show; "
        "`all` cancels all of yours here. Moderators (Manage Messages) can cancel anyone's "
        "jobs in this server.",
        extras={
            "examples": ["{prefix}dlc a1b2c3", "{prefix}dlc all"],
            "notes": ["The id is in every message about the job."],
        },
    )
    @app_commands.describe(job="A job id from the bot's messages (e.g. a1b2c3), or all")
    async def dlc(self, ctx: commands.Context[BossBot], job: str) -> None:
        """Cancel a job by id, or all of yours."""
        await ctx.defer()  # cancelling edits status messages: may outlast a slash command's 3 s
        service, who = self.bot.service, requester(ctx)
        if job.lower() == "all":
            cancelled = await service.cancel_all(who)
        else:
            cancelled = [item.id] if (item := await service.cancel(job, who)) else []
        if cancelled:
            listed = ", ".join(f"`{i}`" for i in cancelled)
            await answer(ctx, f"⏹️ Cancelled {listed}.")
        elif job.lower() == "all":
            await answer(ctx, "You have no jobs to cancel here.")
        else:
            await answer(
                ctx,
                f"There is no waiting or running job `{job.lstrip('#')[:12]}` that you can "
                f"cancel. `{ctx.clean_prefix}dlq` lists the jobs.",
            )


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Queue(bot))
