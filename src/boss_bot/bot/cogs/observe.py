"""Observability: ``/metrics`` and ``/health`` on 127.0.0.1, command timings, ``$stats``.

The web server runs only with ``BOSS_BOT_METRICS_PORT`` set. ``/health`` answers 200
while the gateway is connected and the disk has room, else 503, as JSON either way.
"""

import asyncio
import math
import time
import weakref

from aiohttp import web
from discord.ext import commands
from loguru import logger

from boss_bot.bot.client import BossBot
from boss_bot.bot.replies import answer
from boss_bot.bot.statistics import statistics
from boss_bot.core.history.week import summarize


class Observe(commands.Cog):
    """Metrics, health and statistics."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot
        self.metrics = bot.metrics
        self._runner: web.AppRunner | None = None
        self._started: weakref.WeakKeyDictionary[commands.Context[BossBot], float] = (
            weakref.WeakKeyDictionary()
        )

    async def cog_load(self) -> None:
        """Serve ``/metrics`` and ``/health`` when a port is configured."""
        port = self.bot.settings.metrics_port
        if port is None:
            return
        app = web.Application()
        app.router.add_get("/metrics", self.metrics_page)
        app.router.add_get("/health", self.health_page)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        logger.info("metrics and health on http://127.0.0.1:{}/", port)

    async def cog_unload(self) -> None:
        """Stop the web server."""
        if self._runner is not None:
            await self._runner.cleanup()

    def _latency(self) -> float | None:
        latency = self.bot.latency
        return latency if math.isfinite(latency) else None

    async def metrics_page(self, _request: web.Request) -> web.Response:
        """Prometheus text format, sampled now."""
        service = self.bot.service
        self.metrics.refresh(service.queue_view(), service.health(), self._latency())
        return web.Response(body=self.metrics.render(), content_type="text/plain")

    async def health_page(self, _request: web.Request) -> web.Response:
        """Gateway, latency, queue, workers, disk, download rate: JSON; 503 if something is off."""
        latency, forker = self._latency(), self.bot.forker
        connected = self.bot.is_ready() and not self.bot.is_closed() and latency is not None
        queue, health = self.bot.service.queue_view(), self.bot.service.health()
        healthy = connected and health.disk_ok
        body = {
            "status": "ok" if healthy else "degraded",
            "gateway_connected": connected,
            "latency_ms": round(latency * 1000, 1) if latency is not None else None,
            "queue": {"running": len(queue.running), "waiting": len(queue.waiting)},
            "workers": {"size": queue.workers, "busy": queue.busy},
            "disk_free_bytes": health.disk_free,
            "download_rate": {  # bytes per second: measured now, and the limits (null: none)
                "current": round(health.download_rate),
                "total_limit": health.total_rate_limit,
                "job_limit": health.job_rate_limit,
            },
            "download_server_pid": forker.pid if forker else None,  # started again on use
        }
        return web.json_response(body, status=200 if healthy else 503)

    @commands.Cog.listener()
    async def on_command(self, ctx: commands.Context[BossBot]) -> None:
        """Note when a command started."""
        self._started[ctx] = time.perf_counter()

    @commands.Cog.listener()
    async def on_command_completion(self, ctx: commands.Context[BossBot]) -> None:
        """Time a command that finished."""
        started = self._started.pop(ctx, None)
        if ctx.command is not None and started is not None:
            spent = time.perf_counter() - started
            self.metrics.command_latency.labels(ctx.command.qualified_name).observe(spent)

    @commands.Cog.listener()
    async def on_command_error(self, ctx: commands.Context[BossBot], error: Exception) -> None:
        """Count a failed command by the kind of error."""
        original = getattr(error, "original", error)
        self.metrics.errors.labels(type(original).__name__, "command").inc()

    @commands.hybrid_command(brief="Downloads of the last 7 days here")
    async def stats(self, ctx: commands.Context[BossBot]) -> None:
        """Delivered, failed, bytes, median time, top platforms and members: last 7 days."""
        guild_id = ctx.guild.id if ctx.guild else None
        jobs = await asyncio.to_thread(self.bot.service.history.week, guild_id, ctx.author.id)
        where = "in this server" if guild_id else "in your direct messages"
        await answer(ctx, statistics(summarize(jobs), where))  # no pings (``answer``)


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Observe(bot))
