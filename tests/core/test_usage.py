"""Measuring the bot's process tree: children's memory and reaped children's CPU count."""

import subprocess
import sys

import psutil
import pytest

from boss_bot.core.usage import measure

pytestmark = pytest.mark.slow  # measures a real child's memory and CPU

HOLDER = "import sys; b = b'x' * (64 << 20); print('ready', flush=True); sys.stdin.read()"


def test_a_childs_memory_and_a_reaped_childs_cpu_count() -> None:
    """64 MB held by a child show in the tree's memory; a finished child's CPU stays counted."""
    root = psutil.Process()
    before = measure(root)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == b"ready\n"
        during = measure(root)
    finally:
        holder.communicate(b"")
    subprocess.run([sys.executable, "-c", "sum(i * i for i in range(3 * 10**6))"], check=True)
    after = measure(root)
    assert during.pss - before.pss > 50 << 20
    assert during.rss >= during.pss
    assert after.cpu_seconds - during.cpu_seconds > 0.1  # the busy child, reaped by us
