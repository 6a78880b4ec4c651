"""Running the bot until it is told to stop (SIGINT/SIGTERM) or its token is refused."""

import asyncio
import signal

import discord
from loguru import logger

from boss_bot.bot.client import BossBot, point_at
from boss_bot.downloaders.fork_server.forker import FORKER
from boss_bot.downloaders.routing import pick_downloader
from boss_bot.errors import ConfigError
from boss_bot.settings import BotSettings


async def serve(settings: BotSettings, token: str) -> None:
    """Connect to Discord and serve until stopped.

    Raises:
        ConfigError: Discord refused the token or the privileged intents.
    """
    point_at(settings)
    warm_up = asyncio.create_task(asyncio.to_thread(FORKER.warm_up))  # while we connect
    try:
        await _run(settings, token)
    finally:
        await warm_up
        await asyncio.to_thread(FORKER.close)
    logger.info("stopped")


async def _run(settings: BotSettings, token: str) -> None:
    async with BossBot(settings, pick_downloader) as bot:
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
