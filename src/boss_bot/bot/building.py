"""Building the bot: its sink, metrics, search and download service, from the settings."""

import discord
from discord.ext import commands

from boss_bot.bot.auto_mode import AutoModeSource, stored_auto_mode
from boss_bot.bot.client import BossBot
from boss_bot.bot.delivery import DiscordSink
from boss_bot.bot.remote import remote_jobs
from boss_bot.bot.searching.models import chat_model, embedding_model
from boss_bot.bot.telling import Wants, stored_wants
from boss_bot.core.jobs.assembly import build_service
from boss_bot.core.metrics import Metrics
from boss_bot.core.ports import Router
from boss_bot.core.search.assembly import build_search
from boss_bot.core.server_settings import SettingsStore
from boss_bot.core.storage.paths import Storage
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.settings import BotSettings


class ShardedBossBot(BossBot, commands.AutoShardedBot):
    """``BossBot`` on the gateway shards ``SHARD_IDS`` names (``bot.sharding``)."""


def build_bot(
    settings: BotSettings,
    router: Router,
    *,
    forker: Forker | None = None,
    intents: discord.Intents | None = None,
    wants: Wants | None = None,
    auto_mode: AutoModeSource | None = None,
) -> BossBot:
    """A bot with its sink, metrics and download service, downloading through ``router``.

    ``wants`` says how each member wants to be told that a job ended (``bot.telling``),
    and ``auto_mode`` each channel's auto-download mode (kept as ``bot.gate.auto_mode``);
    by default both come from the servers' and members' stored settings.
    """
    servers = SettingsStore(Storage(settings.data_dir).settings_db, settings)
    sink = DiscordSink(settings.progress_interval, wants or stored_wants(servers))
    metrics = Metrics()
    remote = None
    if settings.distributed:
        remote = remote_jobs(settings, sink.teller.ping, metrics.worker_retry)
    search = build_search(settings, servers, embedding_model(settings), chat_model(settings))
    service = build_service(
        settings,
        sink,
        router,
        metrics,
        servers,
        remote=remote,
        subtitles=search.subtitles_for,
        indexer=search.record,
    )
    cls = BossBot if settings.shard_count is None else ShardedBossBot
    bot = cls(
        settings,
        service,
        sink,
        metrics=metrics,
        servers=servers,
        search=search,
        forker=forker,
        intents=intents,
    )
    bot.gate.auto_mode = auto_mode or stored_auto_mode(servers)
    return bot
