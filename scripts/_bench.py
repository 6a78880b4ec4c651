"""Shared helpers for the benchmark scripts (loopback only: nothing leaves this machine)."""

import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile of ``values`` (``q`` in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(name: str, values: list[float], digits: int = 1) -> dict[str, float]:
    """p50, p99 and max of ``values`` under ``name_*`` keys."""
    return {
        f"{name}_p50": round(statistics.median(values), digits),
        f"{name}_p99": round(percentile(values, 0.99), digits),
        f"{name}_max": round(max(values), digits),
    }


def report(result: dict) -> None:
    """Print ``result`` as an aligned table, then as one JSON line."""
    width = max(map(len, result))
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    print(json.dumps(result))
