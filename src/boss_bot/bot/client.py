"""``BossBot``: the ``commands.Bot`` that owns the download service."""

import time

import discord
from discord.ext import commands
from loguru import logger

from boss_bot.bot.delivery import DiscordSink
from boss_bot.bot.extensions import EXTENSIONS
from boss_bot.bot.gate import Gate
from boss_bot.bot.help import BossHelp
from boss_bot.bot.intents import default_intents
from boss_bot.bot.prefixes import server_prefix
from boss_bot.bot.replies import NO_MENTIONS
from boss_bot.bot.sharding import shard_options
from boss_bot.core.jobs.service import DownloadService
from boss_bot.core.metrics import Metrics
from boss_bot.core.search.searching import Search
from boss_bot.core.server_settings import SettingsStore
from boss_bot.core.tasks import BackgroundTasks
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.settings import BotSettings


class BossBot(commands.Bot):
    """The bot. Cogs parse commands, call ``self.service`` and render the result.

    Built by ``serve.build_bot``, which makes its parts.

    Args:
        settings: The validated settings.
        service: The download service; the bot starts and stops it.
        sink: Where the service's jobs are shown and delivered; attached to this bot.
        metrics: Counters the cogs add to (command timings) and ``/metrics`` shows.
        forker: The download fork server, if this process runs one (for ``/health``).
        servers: Servers' settings and members' preferences (the service closes it).
        search: ``$find`` and ``$ask``; it indexes the service's delivered jobs.
        intents: The gateway intents; ``default_intents()`` unless a test wants more.
    """

    def __init__(
        self,
        settings: BotSettings,
        service: DownloadService,
        sink: DiscordSink,
        *,
        metrics: Metrics,
        servers: SettingsStore,
        search: Search,
        forker: Forker | None = None,
        intents: discord.Intents | None = None,
    ) -> None:
        super().__init__(
            command_prefix=server_prefix(servers),
            intents=default_intents() if intents is None else intents,
            help_command=BossHelp(),
            allowed_mentions=NO_MENTIONS,
            case_insensitive=True,
            strip_after_prefix=True,
            **shard_options(settings),
        )
        self.settings, self.service, self.sink = settings, service, sink
        self.metrics, self.forker, self.servers = metrics, forker, servers
        self.search = search
        sink.attach(self)
        self.gate = Gate(self, settings, servers)
        self._tasks = BackgroundTasks()
        self.started_at = time.monotonic()
        self.restarting = False  # ``serve`` runs the command line again once closed

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
        self._tasks.spawn(self._start_workers_when_ready(), name="start-workers")
        self._tasks.spawn(self.sink.board.run(), name="progress-board")

    async def _start_workers_when_ready(self) -> None:
        await self.wait_until_ready()
        self.service.start_workers()

    async def on_ready(self) -> None:
        """Log who we are once the gateway session is ready."""
        logger.info("connected as {} to {} guild(s)", self.user, len(self.guilds))

    async def restart(self) -> None:
        """Close as on SIGTERM (jobs kept for the next start); then ``serve`` restarts."""
        self.restarting = True
        await self.close()

    async def close(self) -> None:
        """Stop the downloads and the status edits still to be tried, disconnect, close search."""
        await self._tasks.close()
        await self.service.close()
        await self.sink.close()
        await super().close()  # unloads the cogs: search's pruning stops
        await self.search.close()
