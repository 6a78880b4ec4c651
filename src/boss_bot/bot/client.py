"""``BossBot``: the ``commands.Bot`` that owns the download service."""

import asyncio
import time

import discord
import discord.gateway
import discord.http
import yarl
from discord.ext import commands
from loguru import logger

from boss_bot.bot.delivery import DiscordSink
from boss_bot.bot.gate import Gate
from boss_bot.bot.help import BossHelp
from boss_bot.bot.replies import NO_MENTIONS
from boss_bot.core.pipeline import Router
from boss_bot.core.service import DownloadService
from boss_bot.settings import BotSettings

EXTENSIONS = (
    "boss_bot.bot.cogs.errors",
    "boss_bot.bot.cogs.access",
    "boss_bot.bot.cogs.downloads",
    "boss_bot.bot.cogs.queue",
    "boss_bot.bot.cogs.admin",
    "boss_bot.bot.cogs.controls",
    "boss_bot.bot.cogs.info",
    "boss_bot.bot.cogs.menu",
    "boss_bot.bot.cogs.observe",
)


def default_intents() -> discord.Intents:
    """Guilds, messages (with content, a privileged intent) and reactions; no members."""
    wanted = discord.Intents.none()
    wanted.guilds = wanted.guild_messages = wanted.dm_messages = True
    wanted.message_content = True
    wanted.guild_reactions = wanted.dm_reactions = True
    return wanted


def point_at(settings: BotSettings) -> None:
    """Direct discord.py at the configured REST and gateway URLs (Discord or a stub)."""
    discord.http.Route.BASE = settings.discord_api_url.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


class BossBot(commands.Bot):
    """The bot. Cogs parse commands, call ``self.service`` and render the result.

    Args:
        settings: The validated settings.
        router: Picks a downloader for a URL (injectable for tests).
        intents: The gateway intents; ``default_intents()`` unless a test wants more.
    """

    def __init__(
        self, settings: BotSettings, router: Router, *, intents: discord.Intents | None = None
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned_or(settings.command_prefix),
            intents=default_intents() if intents is None else intents,
            help_command=BossHelp(),
            allowed_mentions=NO_MENTIONS,
            case_insensitive=True,
            strip_after_prefix=True,
        )
        self.settings = settings
        self.gate = Gate(self, settings)
        self.sink = DiscordSink(self, settings.progress_interval)
        self.service = DownloadService(settings, self.sink, router)
        self._tasks: set[asyncio.Task[None]] = set()
        self.started_at = time.monotonic()

    async def setup_hook(self) -> None:
        """Resume saved jobs, load every extension (a broken one is logged and skipped).

        Workers start once the guild cache is filled, so resumed jobs can find their
        channel and the guild's upload limit.
        """
        await self.service.start()
        for name in EXTENSIONS:
            try:
                await self.load_extension(name)
            except commands.ExtensionError:
                logger.exception("could not load extension {}", name)
        if self.settings.sync_commands:
            synced = await self.tree.sync()
            logger.info("synced {} application commands with Discord", len(synced))
        for job in (self._start_workers_when_ready(), self.sink.board.run()):
            self._tasks.add(asyncio.create_task(job))

    async def _start_workers_when_ready(self) -> None:
        await self.wait_until_ready()
        self.service.start_workers()

    async def on_ready(self) -> None:
        """Log who we are once the gateway session is ready."""
        logger.info("connected as {} to {} guild(s)", self.user, len(self.guilds))

    async def close(self) -> None:
        """Stop the download service, then disconnect."""
        for task in self._tasks:
            task.cancel()
        await self.service.close()
        await super().close()
