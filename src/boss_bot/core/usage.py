"""What the bot and every process below it use: memory and CPU time.

Download children are forked from a server that shares its pages with them, so a sum
of RSS counts those pages once per process; PSS (Linux) divides each shared page
between its sharers, and its sum is the memory actually used.
"""

import contextlib
from dataclasses import dataclass

import psutil


@dataclass(frozen=True, slots=True)
class Usage:
    """A process tree's use at one moment.

    Attributes:
        rss: Resident memory summed per process, shared pages counted in each.
        pss: Proportional memory summed, each page once (RSS where PSS is unknown).
        cpu_seconds: CPU time of the live processes and of the children they reaped.
    """

    rss: int
    pss: int
    cpu_seconds: float


def measure(root: psutil.Process) -> Usage:
    """Measure ``root`` and its descendants (processes that vanish meanwhile are skipped)."""
    family = [root]
    with contextlib.suppress(psutil.Error):
        family += root.children(recursive=True)
    rss = pss = 0
    cpu = 0.0
    for proc in family:
        with contextlib.suppress(psutil.Error):
            info = proc.memory_full_info()
            times = proc.cpu_times()
            rss, pss = rss + info.rss, pss + getattr(info, "pss", info.rss)
            cpu += times.user + times.system + times.children_user + times.children_system
    return Usage(rss, pss, cpu)
