"""Benchmark: the distributed mode drains 60 throttled jobs with 1, 2 and 3 workers.

One gateway (``bossbotctl run`` with a broker URL), the loopback Discord stub, a loopback
media server and a real ``redis-server`` stay up for the whole run; each round starts
``n`` workers (``bossbotctl worker --concurrency 2``), waits until the gateway counts
their room on ``/health``, sends 60 ``$dl`` of distinct 512 KiB files served at
384 KiB/s (about 1.3 s a download) from 10 members, and stops its workers once the
gateway has recorded all 60 as finished.

Time in queue is the gateway's own record, not a poll of ours: from the request
message's timestamp (the stub's clock) to the job's ``started_at`` (set by the worker
when the pipeline starts, kept in the gateway's history database). Drain time is from
the first request to the last ``finished_at`` there. Each worker's family (the worker,
its fork server and the download processes) is sampled for PSS every 0.2 s.

    uv run python scripts/bench_workers.py   # 4-9 minutes; needs redis-server
"""

import asyncio
import contextlib
import functools
import itertools
import json
import os
import socket
import sqlite3
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import aiohttp
import psutil
from _bench import percentile, report
from _family import sample
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer
from tests.support.redis_server import REDIS_SERVER, SKIP_REASON, RedisServer
from tests.support.worker_process import WorkerProcess, distributed_env

from boss_bot.core.usage import measure

MB, KB = 1024 * 1024, 1024
JOBS, USERS, CONCURRENCY, ROUNDS = 60, 10, 2, (1, 2, 3)
PRODUCTION_TIMERS = {  # a 1 s sweep races saq's dequeue under load (see docs/benchmarks.md)
    "BROKER_HEARTBEAT_SECONDS": "30",
    "BROKER_SWEEP_SECONDS": "15",
    "BROKER_POLL_SECONDS": "0.5",
}
BODY = b"\x00\x00\x00\x18ftypmp42" + bytes(512 * KB)  # one object behind every URL


async def _workers_seen(port: int, size: int, seconds: float = 90) -> None:
    """Wait until the gateway's ``/health`` counts exactly ``size`` jobs of room."""
    async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            async with http.get("/health") as response:
                if (await response.json())["workers"]["size"] == size:
                    return
            await asyncio.sleep(0.2)
    raise AssertionError(f"the gateway never counted {size} jobs of room")


async def _sample(pid: int, stop: asyncio.Event, peaks: dict) -> None:
    """``_family.sample``, plus the peak PSS of one download process and its subtree."""
    worker = psutil.Process(pid)
    family = asyncio.create_task(sample(pid, stop, peaks))
    while not stop.is_set():
        with contextlib.suppress(psutil.Error):
            for server in worker.children():
                for download in server.children():
                    one = measure(download).pss
                    peaks["one"] = max(peaks.get("one", 0), one)
        await asyncio.sleep(0.2)
    await family


def _history(db: Path) -> list[tuple]:
    """The gateway's finished jobs: files or status message, status, started, finished."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
            query = "SELECT message_id, status, started_at, finished_at FROM finished"
            return conn.execute(query).fetchall()
    except sqlite3.OperationalError:  # not created yet
        return []


async def _finished(db: Path, asked: dict[int, float], stub: DiscordStub) -> list[tuple]:
    """Wait for the history rows of every request in ``asked`` (request id → time)."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        of = {m.id: m.reply_to for m in stub.messages if m.reply_to in asked}
        mine = [(of[m], *rest) for m, *rest in _history(db) if m in of]
        if len(mine) == len(asked):
            return mine
        await asyncio.sleep(0.2)
    raise AssertionError("the jobs did not all finish in 10 minutes")


async def _round(
    n: int, *, bot: BotProcess, stub: DiscordStub, urls: list[str], tmp: Path, port: int
) -> dict:
    """Drain ``JOBS`` jobs with ``n`` workers; the round's row of the table."""
    workers = [
        WorkerProcess(bot, tmp / f"w{n}.{i}", tmp / f"w{n}.{i}.log", CONCURRENCY) for i in range(n)
    ]
    for worker in workers:
        await worker.start()
    await _workers_seen(port, n * CONCURRENCY)
    await asyncio.sleep(1)  # the fork servers settle before the idle sample
    idle = [{"pss": measure(psutil.Process(w.pid)).pss} for w in workers]
    stop, peaks = asyncio.Event(), [{} for _ in workers]
    samplers = [
        asyncio.create_task(_sample(w.pid, stop, p)) for w, p in zip(workers, peaks, strict=True)
    ]
    users = [stub.user_id] + [stub.add_user(f"u{n}.{k}") for k in range(USERS - 1)]
    asked: dict[int, float] = {}
    for k, url in enumerate(urls):
        message = await stub.send_user_message(f"$dl {url}", user_id=users[k % USERS])
        asked[int(message["id"])] = datetime.fromisoformat(message["timestamp"]).timestamp()
    rows = await _finished(Path(bot.env["BOSS_BOT_DATA_DIR"]) / "history.sqlite3", asked, stub)
    stop.set()
    await asyncio.gather(*samplers)
    for worker in workers:
        assert await worker.stop() == 0, worker.log()[-3000:]
    waits = [started - asked[request] for request, _, started, _ in rows if started]
    drain = max(row[3] for row in rows) - min(asked.values())
    worst = max(p["pss"] for p in peaks)
    extra = max(p["pss"] - i["pss"] for p, i in zip(peaks, idle, strict=True))
    return {
        "workers": n,
        "jobs": len(rows),
        "completed": sum(row[1] == "completed" for row in rows),
        "drain_s": round(drain, 1),
        "jobs_per_min": round(60 * len(rows) / drain, 1),
        "queue_p50_s": round(percentile(waits, 0.5), 1),
        "queue_p95_s": round(percentile(waits, 0.95), 1),
        "peak_pss_family_mb": round(worst / MB, 1),
        "idle_pss_family_mb": round(max(i["pss"] for i in idle) / MB, 1),
        "family_growth_per_slot_mb": round(extra / CONCURRENCY / MB, 1),
        "one_download_pss_mb": round(max(p.get("one", 0) for p in peaks) / MB, 1),
        "load_average": round(os.getloadavg()[0], 1),
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _table(rows: list[dict]) -> None:
    """The rounds as a table, with the goals beside it (stderr: stdout ends with JSON)."""
    say = functools.partial(print, file=sys.stderr)
    say(
        "workers | jobs ok | drain s | jobs/min | queue p50 / p95 s | peak PSS a worker "
        "family MB (idle) | family growth a slot MB | one download MB | load avg"
    )
    for r in rows:
        say(
            f"{r['workers']} × {CONCURRENCY} | {r['completed']}/{r['jobs']} | {r['drain_s']} | "
            f"{r['jobs_per_min']} | {r['queue_p50_s']} / {r['queue_p95_s']} | "
            f"{r['peak_pss_family_mb']} ({r['idle_pss_family_mb']}) | "
            f"{r['family_growth_per_slot_mb']} | {r['one_download_pss_mb']} | {r['load_average']}"
        )
    rising = all(a["jobs_per_min"] < b["jobs_per_min"] for a, b in itertools.pairwise(rows))
    one = max(r["one_download_pss_mb"] for r in rows)
    say(
        f"goal: more workers → more throughput: {'yes' if rising else 'NO'}; "
        f"≤ 20 MB PSS a running download: {one} MB (one download process, at its peak)"
    )


async def main() -> dict:
    """All rounds against one gateway, one stub and one Redis."""
    port, results = _free_port(), []
    with tempfile.TemporaryDirectory() as tmp, MediaServer() as media:
        base = Path(tmp)
        redis = RedisServer(base / "redis")
        redis.start()
        try:
            async with DiscordStub() as stub:
                env = distributed_env(  # saq's timers at their defaults, not the tests' short ones
                    redis.url,
                    **PRODUCTION_TIMERS,
                    LOG_LEVEL="INFO",
                    METRICS_PORT=str(port),
                    MAX_QUEUE_SIZE="200",
                    MAX_JOBS_PER_USER="10",
                    GUILD_DAILY_QUOTA_MB="100000",
                )
                bot = BotProcess(stub, base / "gateway", base / "gateway.log", **env)
                await bot.start()
                for n in ROUNDS:
                    urls = [
                        media.add_file(f"/r{n}/v{k}.mp4", BODY, "video/mp4", throttle_bps=384 * KB)
                        for k in range(JOBS)
                    ]
                    results.append(
                        await _round(n, bot=bot, stub=stub, urls=urls, tmp=base, port=port)
                    )
                    print(json.dumps(results[-1]), file=sys.stderr)
                assert await bot.stop() == 0, bot.log()[-3000:]
        finally:
            redis.stop()
    _table(results)
    return {f"w{r['workers']}_{k}": v for r in results for k, v in r.items() if k != "workers"}


if __name__ == "__main__":
    if REDIS_SERVER is None:  # a clear skip, and a JSON line bench_all.py can show
        print(f"skipped: {SKIP_REASON}", file=sys.stderr)
        print(json.dumps({"skipped": SKIP_REASON}))
    else:
        report(asyncio.run(main()))
