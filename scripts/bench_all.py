"""Run every benchmark and print the figures next to the seeds' budgets.

Each script runs in its own process against the loopback stub and media server; this
one collects the JSON line each prints last and makes one table.

    uv run python scripts/bench_all.py [--workers]

``--workers`` adds ``bench_workers.py`` (the distributed mode: 60 jobs drained by 1, 2
and 3 worker processes through a real redis-server, 4–9 minutes more); it is left out
by default because it needs redis-server and the workers extra.
"""

import json
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent


def _per_round(key: str) -> tuple[str, ...]:
    return tuple(f"w{n}_{key}" for n in (1, 2, 3))


RUNS = {
    "queue": ["bench_queue.py", "--samples", "50"],
    "e2e": ["bench_e2e.py", "--runs", "10"],
    "load": ["bench_load.py"],
    "child": ["bench_child_memory.py"],
    "fit": ["bench_fit.py"],
    "clean": ["bench_clean.py"],
}
OPTIONAL = {"--workers": ("workers", ["bench_workers.py"])}
# (label, source, key, budget from seeds 001/003, or our own target)
ROWS = [
    ("ack p50 / p99, idle (ms)", "queue", ("idle_ack_ms_p50", "idle_ack_ms_p99"), "< 1000"),
    (
        "ack p50 / p99, 10 running + 50 waiting (ms)",
        "queue",
        ("loaded_ack_ms_p50", "loaded_ack_ms_p99"),
        "< 1000 (ours < 50)",
    ),
    ("5 MB video, command to upload p50 (s)", "e2e", ("end_to_end_s_p50",), "< 300 per item"),
    ("same, yt-dlp + raw upload directly (s)", "e2e", ("direct_s_p50",), ""),
    ("bot / direct", "e2e", ("bot_vs_direct",), ""),
    ("simultaneous downloads", "load", ("load",), ">= 10"),
    ("peak memory, bot + children, PSS (MB)", "load", ("peak_pss_mb",), "< 500"),
    ("same, RSS summed per process (MB)", "load", ("peak_rss_sum_mb",), ""),
    ("one running 50 MB download's child, PSS (MB)", "child", ("child_pss_mb_mean",), "<= 20"),
    ("CPU, share of the machine (%)", "load", ("cpu_percent_of_machine",), "< 50"),
    (
        "/health and /metrics during load",
        "load",
        ("health_during_load", "metrics_during_load"),
        "answer",
    ),
    (
        "drain 50 small jobs (s) / jobs per s",
        "load",
        ("drain_50_small_s", "throughput_jobs_per_s"),
        "",
    ),
    ("fit 30 MB 1080p under 10 MiB (s) / bytes", "fit", ("bot_fit_s", "fitted_bytes"), ""),
    (
        "strip metadata, 50 MB video (s) / bytes in / out",
        "clean",
        ("bot_clean_s", "source_bytes", "cleaned_bytes"),
        "",
    ),
    ("same, bare ffmpeg -c copy (s) / bytes", "clean", ("bare_copy_s", "bare_bytes"), ""),
    ("drain 60 jobs, 1 / 2 / 3 workers × 2 (s)", "workers", _per_round("drain_s"), ""),
    ("jobs per minute, 1 / 2 / 3 workers", "workers", _per_round("jobs_per_min"), "rising"),
    ("time in queue p50, 1 / 2 / 3 workers (s)", "workers", _per_round("queue_p50_s"), ""),
    (
        "one download's peak PSS, 1 / 2 / 3 workers (MB)",
        "workers",
        _per_round("one_download_pss_mb"),
        "<= 20",
    ),
]


def run(script: list[str]) -> dict:
    """Run one benchmark script; return the JSON object it printed last."""
    done = subprocess.run(
        [sys.executable, str(HERE / script[0]), *script[1:]],
        cwd=HERE.parent,
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run them all, then print the table and the machine."""
    runs = dict(RUNS)
    for flag, (name, script) in OPTIONAL.items():
        if flag in sys.argv[1:]:
            runs[name] = script
    results = {}
    for name, script in runs.items():
        started = time.monotonic()
        results[name] = run(script)
        print(f"{name}: done in {time.monotonic() - started:.0f} s", file=sys.stderr)
    memory, python = psutil.virtual_memory().total / 2**30, platform.python_version()
    print(
        f"{datetime.now(UTC):%Y-%m-%d}, {platform.system()} {platform.machine()}, "
        f"{psutil.cpu_count()} cores, {memory:.0f} GiB, Python {python}"
    )
    width = max(len(label) for label, *_ in ROWS)
    print(f"{'measure':<{width}}  {'figure':<28}  budget")
    for label, source, keys, budget in ROWS:
        if source not in results:
            continue
        got = results[source]
        figure = got.get("skipped") or " / ".join(str(got[key]) for key in keys)
        print(f"{label:<{width}}  {figure:<28}  {budget}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
