"""``$stats``: what finished since the bot started, per platform."""

from boss_bot.core.fmt import duration, size
from boss_bot.core.metrics import Totals


def statistics(totals: Totals, uptime: float) -> str:
    """``$stats``: jobs, success rate, average time and size, per platform."""
    platforms = sorted({platform for platform, _ in totals.jobs})
    if not platforms:
        return "No downloads have finished since I started."
    lines = [f"📊 **Downloads since start** ({duration(uptime)})"]
    for platform in platforms:
        done = totals.jobs[(platform, "completed")]
        total = sum(n for (p, _), n in totals.jobs.items() if p == platform)
        average = f"{totals.seconds[platform] / done:.1f} s" if done else "-"
        mean = size(totals.bytes[platform] / done) if done else "-"
        lines.append(
            f"**{platform}**: {total} jobs, {done / total:.0%} delivered, "
            f"average {average}, {mean} each"
        )
    return "\n".join(lines)
