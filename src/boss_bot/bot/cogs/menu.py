"""The "Download media" message command: right-click a message, Apps, Download media.

It downloads the links in the message (its text, then its embeds) exactly as ``$dl``
would (same allow-lists, download budget and most links per command), and the files
reply to that message. Errors go to the tree's error
handler (``cogs.errors``), like every app command's.
"""

import re
from typing import Protocol, runtime_checkable

import discord
from discord import app_commands
from discord.ext import commands

from boss_bot.bot.client import BossBot
from boss_bot.bot.requesting import request_download
from boss_bot.errors import UserFacingError

LINK = re.compile(r"https?://[^\s<>|\"']+", re.I)
TRAILING = ").,!?>]*_~`"  # punctuation and markdown that follow a link in chat


def links_in(message: discord.Message) -> list[str]:
    """The http(s) links in a message's text, then in its embeds, each once, in order."""
    texts = (message.content, *(embed.url or "" for embed in message.embeds))
    found = (match.group(0).rstrip(TRAILING) for text in texts for match in LINK.finditer(text))
    return list(dict.fromkeys(found))


def first_link(message: discord.Message) -> str | None:
    """The first http(s) link in a message's text, else in its embeds."""
    return next(iter(links_in(message)), None)


@runtime_checkable
class Downloading(Protocol):
    """What the menu needs of the ``Downloads`` cog, found by name (it may be reloaded)."""

    async def download(
        self, ctx: commands.Context[BossBot], url: str, *, reply_to: int | None = None
    ) -> None:
        """Validate, queue and acknowledge one download."""


class Menu(commands.Cog):
    """Message commands."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name="Download media", callback=self.download_media)

    async def cog_load(self) -> None:
        """Add the message command to the tree."""
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        """Take the message command off the tree."""
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    async def download_media(
        self, interaction: discord.Interaction, message: discord.Message
    ) -> None:
        """Download the links in ``message``; the files reply to it."""
        ctx = await commands.Context.from_interaction(interaction)
        await self.bot.can_run(ctx)  # the channel and role allow-lists of every command
        links = links_in(message)
        if not links:
            raise UserFacingError("That message has no link I could download.")
        await request_download(ctx, " ".join(links), reply_to=message.id)


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Menu(bot))
