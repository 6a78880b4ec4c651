"""A download worker's composition root: Discord over REST only, saq, the pipeline.

``bossbotctl worker`` logs in without a gateway (``Client.login`` sets up REST alone),
runs the same runner as one process (download, fit, clean, card) and posts the files
itself; its status edits go through the gateway (``distributed.working.sink``).
"""

import asyncio
from collections.abc import Callable

import discord
from loguru import logger

from boss_bot.bot.channels import channel_of
from boss_bot.bot.serve import point_at
from boss_bot.bot.uploads import post_files
from boss_bot.core.items import DownloadItem, DownloadResult
from boss_bot.core.jobs.assembly import build_runner
from boss_bot.core.storage.paths import Storage
from boss_bot.core.tasks import BackgroundTasks
from boss_bot.distributed.broker import open_queue
from boss_bot.distributed.working.sink import WorkerSink
from boss_bot.distributed.working.worker import build_worker
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.routing import Downloaders
from boss_bot.errors import ConfigError
from boss_bot.settings import BotSettings


class RestPoster:
    """Posts a job's files through a REST-only client (``working.sink.Poster``)."""

    def __init__(self, client: discord.Client) -> None:
        self.client, self.requests = client, BackgroundTasks()

    async def __call__(
        self,
        item: DownloadItem,
        result: DownloadResult,
        posted: Callable[[int, int], None],
        *,
        ping: int | None,
    ) -> None:
        """Reply to the request with the files (a nonce per message: never twice)."""
        bot_id = self.client.user.id if self.client.user else None
        channel = channel_of(self.client, item)
        await post_files(channel, bot_id, item, result, posted, keeper=self.requests, ping=ping)


async def serve_worker(settings: BotSettings, token: str, concurrency: int) -> None:
    """Log in to Discord's REST API and run jobs from the broker until SIGTERM.

    Raises:
        ConfigError: Discord refused the token.
    """
    point_at(settings)
    client = discord.Client(intents=discord.Intents.none())
    forker = Forker()
    warm_up = asyncio.create_task(asyncio.to_thread(forker.warm_up))
    poster = RestPoster(client)
    try:
        try:
            await client.login(token)
        except discord.LoginFailure:
            raise ConfigError("Discord rejected BOSS_BOT_DISCORD_TOKEN.") from None
        storage = Storage(settings.data_dir).worker  # apart from a gateway's temp files
        storage.prepare()  # one worker per data directory (its lock): what is left is its own
        sink = WorkerSink(poster)
        route, subtitles = Downloaders(forker).route, sink.subtitle_langs  # as handed
        runner = build_runner(settings, storage, sink, sink, route, subtitles=subtitles)
        worker = build_worker(settings, open_queue(settings), runner, sink, concurrency)
        logger.info("worker {} running {} job(s) at once", worker.id, concurrency)
        await warm_up
        await worker.start()  # returns on SIGINT/SIGTERM, running jobs handed back
    finally:
        await asyncio.gather(warm_up, return_exceptions=True)
        await poster.requests.close()
        await client.close()
        await asyncio.to_thread(forker.close)
        logger.info("worker stopped")
