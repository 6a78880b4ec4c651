"""The one error handler for commands.

Order: user-facing errors (raised by cogs or the core) → wrong arguments (usage
line) → failed checks → unknown commands (ignored) → anything else (a reference
id for the user, the traceback in the log). Once this handler exists, discord.py no
longer logs command errors itself, so it logs them here.
"""

import contextlib
import secrets

import discord
from discord import app_commands
from discord.ext import commands
from loguru import logger

from boss_bot.bot.permissions import NotAllowed
from boss_bot.bot.replies import AnyContext, answer
from boss_bot.errors import SlowDownError, UserFacingError


def usage(ctx: AnyContext) -> str:
    """The usage line of the command that was invoked."""
    command = ctx.command
    if command is None:
        return ""
    line = f"{ctx.clean_prefix}{command.qualified_name} {command.signature}".strip()
    return f"Usage: `{line}`"


STALE = "That command is not available any more. `/dlh` lists the current ones."
WRAPPERS = (
    commands.CommandInvokeError,
    commands.HybridCommandError,
    app_commands.CommandInvokeError,
)


async def explain(ctx: AnyContext, error: Exception) -> None:
    """Answer a failed command; see the module docstring for the order."""
    while isinstance(error, WRAPPERS):
        error = error.original
    if isinstance(error, commands.CommandNotFound):
        return
    if isinstance(error, SlowDownError):
        text = f"⏳ {error}"
    elif isinstance(error, commands.CommandOnCooldown):
        text = f"⏳ Slow down: try again in {error.retry_after:.0f} s."
    elif isinstance(error, commands.MaxConcurrencyReached):
        text = "⏳ One at a time: wait for the answer to your last one."
    elif isinstance(error, UserFacingError | NotAllowed):
        text = f"⚠️ {error}"
    elif isinstance(error, commands.UserInputError):
        text = f"⚠️ {_input_problem(error)}\n{usage(ctx)}"
    elif isinstance(error, commands.MissingPermissions):
        needed = ", ".join(p.replace("_", " ").title() for p in error.missing_permissions)
        text = f"🚫 That needs the {needed} permission."
    elif isinstance(error, commands.NotOwner):
        text = "🚫 Only the bot's owner can do that."
    elif isinstance(error, commands.CheckFailure | app_commands.CheckFailure):
        text = "🚫 You can't use that command here."
    else:
        ref = secrets.token_hex(3)
        logger.opt(exception=error).error("command {} failed (ref {})", ctx.command, ref)
        text = f"❌ Something went wrong (ref `{ref}`). The bot's operator can look it up."
    try:
        await answer(ctx, text)
    except discord.HTTPException:
        logger.opt(exception=True).warning("could not answer a failed command")


class ErrorHandler(commands.Cog):
    """Turns command errors (text, slash and context-menu commands) into friendly answers."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        bot.tree.on_error = self.on_app_command_error

    @commands.Cog.listener()
    async def on_command_error(self, ctx: AnyContext, error: Exception) -> None:
        """Answer a failed text or hybrid command."""
        await explain(ctx, error)

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Answer a failed app-only command (``/dlh``, "Download media").

        A command Discord still lists but this version no longer has gets a short,
        private answer (there is no command to build a context from).
        """
        if interaction.command is None or isinstance(error, app_commands.CommandNotFound):
            if not interaction.response.is_done():
                with contextlib.suppress(discord.HTTPException):
                    await interaction.response.send_message(STALE, ephemeral=True)
            return
        await explain(await commands.Context.from_interaction(interaction), error)


def _input_problem(error: commands.UserInputError) -> str:
    if isinstance(error, commands.MissingRequiredArgument):
        return f"Missing `{error.param.name}`."
    if isinstance(error, commands.TooManyArguments):
        return "Too many arguments."
    if isinstance(error, commands.BadLiteralArgument) and "://" in error.argument:
        return "Please give one link at a time."
    if isinstance(error, commands.BadLiteralArgument):
        return f"`{error.argument}` is not one of: {', '.join(map(str, error.literals))}."
    return "I couldn't understand those arguments."


async def setup(bot: commands.Bot) -> None:
    """Register the cog."""
    await bot.add_cog(ErrorHandler(bot))
