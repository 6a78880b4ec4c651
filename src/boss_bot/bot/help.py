"""``$dlh`` (also ``$help``): an overview, and per command its usage, examples and notes.

Examples and notes live in each command's ``extras`` (``examples``, ``notes``);
``{prefix}`` and ``{limit}`` in them are filled in for the reader's server.
"""

from collections.abc import Mapping
from typing import Any

import discord
from discord.ext import commands

from boss_bot.bot.replies import NO_MENTIONS, AnyContext, clip
from boss_bot.core.fmt import size

USAGE = "<url> [<url>…] [low|normal|high] [force]"  # the download commands
DESCRIBE = {"url": "The link(s) to download, separated by spaces; then low/normal/high, force"}
NOTES = [
    "Several links, separated by spaces or new lines, each become a job, listed in one "
    "answer (`{prefix}dls` shows how many one command may hold). A bad link refuses "
    "them all, saying which; the same link twice is one job.",
    "Files over this server's upload limit ({limit}) are shrunk to fit; any that can't be "
    "are named with their size.",
    "`high` priority is for moderators and members with the priority role.",
    "React ⏹️ on the job's message to cancel it; 🔄 on a failed job to try again.",
    "A link already delivered here (or on its way) gets a link to that post instead; "
    "add `force` after the links to download it again.",
]


def _limit(ctx: AnyContext) -> str:
    guild = ctx.guild
    return size(guild.filesize_limit if guild else discord.utils.DEFAULT_FILE_SIZE_LIMIT_BYTES)


def command_help(ctx: AnyContext, command: commands.Command) -> str:
    """The help text of one command, in the seed's format."""
    prefix = ctx.clean_prefix
    fill = {"prefix": prefix, "limit": _limit(ctx)}
    lines = [
        f"**{prefix}{command.qualified_name}**: {command.brief or command.short_doc}",
        command.help or "",
        f"Usage: `{f'{prefix}{command.qualified_name} {command.signature}'.strip()}`",
    ]
    if command.aliases:
        lines.append("Also: " + ", ".join(f"`{prefix}{a}`" for a in command.aliases))
    if examples := command.extras.get("examples"):
        lines += ["", "Examples:", *(f"  `{e.format(**fill)}`" for e in examples)]
    if notes := command.extras.get("notes"):
        lines += ["", "Notes:", *(f"- {n.format(**fill)}" for n in notes)]
    return "\n".join(line for line in lines if line is not None).strip()


def overview(ctx: AnyContext, usable: list[commands.Command]) -> str:
    """A download to copy, one line per command, then how to get details."""
    prefix = ctx.clean_prefix
    example = f"Example: `{prefix}dlt https://x.com/user/status/123`"
    lines = ["**boss-bot**: post a link, get the media.", example, ""]
    lines += [f"`{prefix}{c.qualified_name}` {c.brief or c.short_doc}" for c in usable]
    return "\n".join([*lines, "", f"Type `{prefix}dlh <command>` for usage, examples and notes."])


def not_found(ctx: AnyContext, name: str) -> str:
    """The answer for an unknown command name."""
    return f"There is no command `{name[:30]}`. `{ctx.clean_prefix}dlh` lists them."


def help_text(ctx: AnyContext, name: str | None = None) -> str:
    """The overview, one command's help, or "no such command" (for ``/dlh``)."""
    if not name:
        slash = (commands.HybridCommand, commands.HybridGroup)  # what exists as /command
        usable = [
            c
            for c in ctx.bot.commands
            if not c.hidden and (isinstance(c, slash) or c.name == "dlh" or not ctx.interaction)
        ]
        return overview(ctx, sorted(usable, key=lambda c: c.qualified_name))
    command = ctx.bot.get_command(name.strip().lstrip("/$"))
    return command_help(ctx, command) if command else not_found(ctx, name)


class BossHelp(commands.HelpCommand):
    """Plain-text help that fits in one message per request."""

    def __init__(self) -> None:
        super().__init__(
            command_attrs={
                "name": "dlh",
                "aliases": ["help"],
                "usage": "[command]",
                "brief": "Show help for the download commands",
                "help": "Lists the commands, or explains one: usage, examples and notes.",
                "extras": {"examples": ["{prefix}dlh", "{prefix}dlh dlt"]},
            }
        )

    async def send_bot_help(
        self, mapping: Mapping[commands.Cog | None, list[commands.Command[Any, ..., Any]]], /
    ) -> None:
        """List every command the reader can use, with its one-line description."""
        usable = await self.filter_commands(self.context.bot.commands, sort=True)
        text = clip(overview(self.context, usable))
        await self.get_destination().send(text, allowed_mentions=NO_MENTIONS)

    async def send_cog_help(self, cog: commands.Cog) -> None:
        """A cog's name (``$dlh Downloads``): the overview of its commands."""
        usable = await self.filter_commands(cog.get_commands(), sort=True)
        text = clip(overview(self.context, usable))
        await self.get_destination().send(text, allowed_mentions=NO_MENTIONS)

    async def send_command_help(self, command: commands.Command) -> None:
        """Explain one command."""
        text = clip(command_help(self.context, command))
        await self.get_destination().send(text, allowed_mentions=NO_MENTIONS)

    def command_not_found(self, string: str) -> str:
        """The answer for an unknown command name."""
        return not_found(self.context, string)
