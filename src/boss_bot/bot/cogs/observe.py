"""Observability: ``/metrics`` and ``/health`` on 127.0.0.1, command timings, ``$stats``.

The web server runs only with ``BOSS_BOT_METRICS_PORT`` set. ``/health`` answers 200
while the gateway is connected and the disk has room, else 503, as JSON either way.
"""

import math
import shutil
import time
import weakref

from aiohttp import web
from discord.ext import commands
from loguru import logger

from boss_bot.bot.client import BossBot
from boss_bot.bot.replies import answer
from boss_bot.core.fmt import duration, size
from boss_bot.downloaders.forker import FORKER


class Observe(commands.Cog):
    """Metrics, health and statistics."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot
        self.metrics = bot.service.metrics
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
        self.metrics.refresh(len(service.queue), service.storage.temp, self._latency())
        return web.Response(body=self.metrics.render(), content_type="text/plain")

    async def health_page(self, _request: web.Request) -> web.Response:
        """Gateway, latency, queue, workers and disk, as JSON; 503 when something is wrong."""
        service, latency = self.bot.service, self._latency()
        connected = self.bot.is_ready() and not self.bot.is_closed() and latency is not None
        free = shutil.disk_usage(service.storage.root).free
        healthy = connected and free >= service.records.policy.min_free
        body = {
            "status": "ok" if healthy else "degraded", "gateway_connected": connected,
            "latency_ms": round(latency * 1000, 1) if latency is not None else None,
            "queue": {"running": len(service.queue.running()),
                      "waiting": len(service.queue.waiting())},
            "workers": {"size": service.pool.size, "busy": service.pool.busy},
            "disk_free_bytes": free, "download_server_pid": FORKER.pid,  # started again on use
        }  # fmt: skip
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

    @commands.hybrid_command(brief="Download statistics since the bot started")
    async def stats(self, ctx: commands.Context[BossBot]) -> None:
        """Totals, success rate, average time and size, per platform."""
        totals = self.metrics.totals
        platforms = sorted({platform for platform, _ in totals.jobs})
        if not platforms:
            await answer(ctx, "No downloads have finished since I started.")
            return
        lines = [
            f"📊 **Downloads since start** ({duration(time.monotonic() - self.bot.started_at)})"
        ]
        for platform in platforms:
            done = totals.jobs[(platform, "completed")]
            total = sum(n for (p, _), n in totals.jobs.items() if p == platform)
            average = f"{totals.seconds[platform] / done:.1f} s" if done else "-"
            mean = size(totals.bytes[platform] / done) if done else "-"
            lines.append(f"**{platform}**: {total} jobs, {done / total:.0%} delivered, "
                         f"average {average}, {mean} each")  # fmt: skip
        await answer(ctx, "\n".join(lines))


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(Observe(bot))
