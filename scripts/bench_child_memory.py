"""Benchmark: the memory of one running download child, and where it goes.

Ten children are forked from the real fork server, each downloading a 50 MB file
throttled to 10 MB/s from a loopback server (as ``bench_load.py``'s big jobs do). Two
seconds into the download each child's ``/proc/<pid>/smaps`` is read: its PSS, and
its private dirty kB by mapping (the heap, anonymous mappings, each library's file).

    uv run python scripts/bench_child_memory.py [yt-dlp|gallery-dl] [children]
"""

import os
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from _bench import report
from _smaps import private_dirty, pss_kb
from tests.support.media_server import MediaServer

from boss_bot.downloaders.fork_server.forker import Forker

MB = 1024 * 1024
SETTLE_SECONDS = 2.0


def _drain(fd: int) -> None:
    """Read a child's pipe to its end, so the child never blocks on it."""
    with os.fdopen(fd, "rb", 0) as pipe:
        while pipe.read(65536):
            pass


def _start(forker: Forker, engine: str, url: str, dest: Path) -> int:
    (events_r, events_w), (err_r, err_w), (rates_r, rates_w) = os.pipe(), os.pipe(), os.pipe()
    for fd in (events_r, err_r):
        threading.Thread(target=_drain, args=(fd,), daemon=True).start()
    spec = {"engine": engine, "url": url, "dest": str(dest), "max_bytes": 200 * MB}
    spec |= {"max_files": 1, "allow_private": True, "timeout": 60.0, "rate": None}
    pid = forker.start(spec, events_w, err_w, rates_r)  # pyright: ignore[reportArgumentType]
    os.close(rates_w)
    return pid


def main(engine: str = "yt-dlp", count: int = 10) -> dict:
    with tempfile.TemporaryDirectory() as tmp, MediaServer() as media, Forker() as forker:
        body = b"\x00\x00\x00\x18ftypmp42" + bytes(50 * MB)
        forker.ping()
        pids = []
        for n in range(count):
            url = media.add_file(f"/big{n}.mp4", body, "video/mp4", throttle_bps=10 * MB)
            (dest := Path(tmp) / str(n)).mkdir()
            pids.append(_start(forker, engine, url, dest))
        time.sleep(SETTLE_SECONDS)
        assert forker.pid is not None
        server_kb, per_child, by_mapping = pss_kb(forker.pid), [], Counter()
        for pid in pids:
            per_child.append(pss_kb(pid))
            by_mapping.update(private_dirty(pid))
        sizes = [
            sum(p.stat().st_size for p in (Path(tmp) / str(n)).iterdir()) for n in range(count)
        ]
        for pid in pids:
            forker.end(pid)
    top = {name: round(kb / count) for name, kb in by_mapping.most_common(12)}
    return {
        "engine": engine,
        "children": count,
        "bytes_in_so_far_mb": round(sum(sizes) / count / MB, 1),
        "child_pss_mb_mean": round(sum(per_child) / count / 1024, 1),
        "child_pss_mb_max": round(max(per_child) / 1024, 1),
        "server_pss_mb": round(server_kb / 1024, 1),
        "private_dirty_kb_per_child": top,
    }


if __name__ == "__main__":
    report(main(*sys.argv[1:2], *map(int, sys.argv[2:3])))
