"""Sampling the bot's process tree during a benchmark (``boss_bot.core.usage``)."""

import asyncio
import time

import psutil

from boss_bot.core.usage import measure


async def sample(pid: int, stop: asyncio.Event, peaks: dict) -> None:
    """Peak memory of the bot and its children, and their CPU share of the whole machine."""
    bot = psutil.Process(pid)
    cores, started = psutil.cpu_count() or 1, time.monotonic()
    cpu_start = measure(bot).cpu_seconds
    while not stop.is_set():
        usage = measure(bot)
        peaks["rss"] = max(peaks.get("rss", 0), usage.rss)
        peaks["pss"] = max(peaks.get("pss", 0), usage.pss)
        await asyncio.sleep(0.2)
    spent = measure(bot).cpu_seconds - cpu_start
    peaks["cpu_percent"] = 100 * spent / (time.monotonic() - started) / cores
