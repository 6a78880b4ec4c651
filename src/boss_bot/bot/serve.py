"""The composition root: build the bot's parts, and run it until it is told to stop.

``bot.building.build_bot`` makes the bot's parts; ``serve`` adds the download fork
server and owns every lifetime.
"""

import asyncio
import signal

import discord
import discord.gateway
import discord.http
import yarl
from loguru import logger

from boss_bot.bot.building import build_bot
from boss_bot.bot.client import BossBot
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.routing import Downloaders
from boss_bot.errors import ConfigError
from boss_bot.settings import BotSettings


def point_at(settings: BotSettings) -> None:
    """Direct discord.py at the configured REST and gateway URLs (Discord or a stub)."""
    discord.http.Route.BASE = settings.discord_api_url.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


async def serve(settings: BotSettings, token: str) -> bool:
    """Connect to Discord and serve until stopped.

    Returns:
        Whether the bot was stopped to restart (``$restart``): the caller then runs the
        same command line again, once the event loop is closed.

    Raises:
        ConfigError: Discord refused the token or the privileged intents.
    """
    point_at(settings)
    logger.info("gateway: {}", settings.shard_summary)
    forker = Forker()  # started on first use; a distributed gateway's workers download
    warm_up = None
    if not settings.distributed:
        warm_up = asyncio.create_task(asyncio.to_thread(forker.warm_up))  # while we connect
    try:
        bot = build_bot(settings, Downloaders(forker).route, forker=forker)
        await _run(bot, token)
    finally:
        if warm_up is not None:
            await warm_up
        await asyncio.to_thread(forker.close)
    logger.info("stopped")
    return bot.restarting


async def _run(bot: BossBot, token: str) -> None:
    async with bot:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, lambda s=sig: _stop(bot, s))
        try:
            await bot.start(token)
        except discord.LoginFailure:
            raise ConfigError("Discord rejected BOSS_BOT_DISCORD_TOKEN.") from None
        except discord.PrivilegedIntentsRequired:
            raise ConfigError(
                "Enable 'Message Content Intent' for the bot in the Discord developer portal."
            ) from None


def _stop(bot: BossBot, sig: signal.Signals) -> None:
    logger.info("received {}, shutting down", sig.name)
    asyncio.ensure_future(bot.close())  # noqa: RUF006 - bot.start() returns once closed
