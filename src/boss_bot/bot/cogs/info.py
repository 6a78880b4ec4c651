"""``$dls``: the caller's limits here and preferences; ``/dlh``: help as a slash command.

``$dls set mention|dm|priority <value>`` changes one of the member's preferences,
which follow them into every server (``core.server_settings``).
"""

import discord
from discord import app_commands
from discord.ext import commands

from boss_bot.bot.client import BossBot
from boss_bot.bot.help import help_text
from boss_bot.bot.permissions import may_use_high
from boss_bot.bot.replies import answer
from boss_bot.bot.settings_text import preferences
from boss_bot.core.fmt import duration, size


class Info(commands.Cog):
    """The caller's settings."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot

    @app_commands.command(name="dlh", description="Show help for the download commands")
    @app_commands.describe(command="A command to explain, e.g. dlt")
    async def dlh_slash(self, interaction: discord.Interaction, command: str | None = None) -> None:
        """``/dlh [command]``: the same help as ``$dlh``, with ``/`` in the examples."""
        ctx = await commands.Context.from_interaction(interaction)
        await answer(ctx, help_text(ctx, command))

    @commands.hybrid_group(
        fallback="show",
        brief="Show your limits and settings here",
        help="Shows how many jobs you may run and queue, how many downloads a minute, the "
        "queue, the largest file this server accepts, the per-job limits, which "
        "priorities you may use, and your preferences.",
        extras={"examples": ["{prefix}dls", "{prefix}dls set mention off"]},
    )
    async def dls(self, ctx: commands.Context[BossBot]) -> None:
        """Show the caller's effective settings, limits and preferences."""
        settings, queue = self.bot.settings, self.bot.service.queue_view()
        server = self.bot.servers.server(ctx.guild.id if ctx.guild else None)
        mine_running, mine_waiting = queue.count_of(ctx.author.id)
        limit = (
            ctx.guild.filesize_limit if ctx.guild else discord.utils.DEFAULT_FILE_SIZE_LIMIT_BYTES
        )
        tier = f" (server boost level {ctx.guild.premium_tier})" if ctx.guild else " (DM)"
        high = may_use_high(ctx, server.high_priority_roles)
        per_minute = settings.downloads_per_minute
        rate = f"{per_minute} a minute" if per_minute else "no limit per minute"
        lines = [
            f"⚙️ **Your settings, {ctx.author.display_name}**",
            f"Jobs running at once: {server.max_jobs_per_user} "
            f"(you have {mine_running} running, {mine_waiting} waiting)",
            f"Waiting at most: {settings.max_waiting_per_user} of yours"
            + (f", {settings.max_waiting_per_guild} of this server's" if ctx.guild else ""),
            f"Downloads you may start: {rate} (commands and 🔄 together)",
            f"Links in one command: up to {settings.max_links_per_command}",
            f"Queue: {len(queue)}/{settings.max_queue_size} in use, "
            f"{settings.max_concurrent_downloads} running at a time",
            f"Largest file posted here: {size(limit)}{tier}",
            f"Per job: up to {size(settings.max_download_bytes)}, "
            f"{settings.max_files_per_job} files, {duration(settings.download_timeout)}",
            "Priorities you may use: low, normal" + (", high" if high else ""),
            *preferences(self.bot.servers.member(ctx.author.id), server, ctx.clean_prefix),
        ]
        await answer(ctx, "\n".join(lines))

    @dls.command(name="set", brief="Change one of your preferences (mention, dm, priority)")
    async def set_(self, ctx: commands.Context[BossBot], key: str, value: str) -> None:
        """Set ``mention`` or ``dm`` (on/off) or ``priority`` (low/normal), in every server."""
        prefs = self.bot.servers.prefer(ctx.author.id, key, value)
        server = self.bot.servers.server(ctx.guild.id if ctx.guild else None)
        text = preferences(prefs, server, ctx.clean_prefix)
        await answer(
            ctx,
            "\n".join([f"✅ `{key.strip().lower()}` set to `{value.strip().lower()}`.", *text[1:]]),
        )


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Info(bot))
