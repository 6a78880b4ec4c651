"""Measuring a process and everything below it: memory and CPU (benchmarks only)."""

import asyncio
import contextlib
import time

import psutil


def _cpu_seconds(family: list[psutil.Process]) -> float:
    """CPU time of the live processes and of the children they have reaped."""
    total = 0.0
    for proc in family:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += sum(proc.cpu_times()[:4])
    return total


def _memory(family: list[psutil.Process]) -> tuple[int, int]:
    """RSS summed (shared pages once per process) and PSS summed (each page once)."""
    rss = pss = 0
    for proc in family:
        with contextlib.suppress(psutil.NoSuchProcess):
            info = proc.memory_full_info()
            rss, pss = rss + info.rss, pss + getattr(info, "pss", info.rss)
    return rss, pss


async def sample(pid: int, stop: asyncio.Event, peaks: dict) -> None:
    """Peak memory of the bot and its children, and their CPU share of the whole machine."""
    bot = psutil.Process(pid)
    cores, started = psutil.cpu_count() or 1, time.monotonic()
    cpu_start = _cpu_seconds([bot, *bot.children(recursive=True)])
    while not stop.is_set():
        family = [bot, *bot.children(recursive=True)]
        rss, pss = _memory(family)
        peaks["rss"], peaks["pss"] = max(peaks.get("rss", 0), rss), max(peaks.get("pss", 0), pss)
        await asyncio.sleep(0.2)
    spent = _cpu_seconds([bot, *bot.children(recursive=True)]) - cpu_start
    peaks["cpu_percent"] = 100 * spent / (time.monotonic() - started) / cores
