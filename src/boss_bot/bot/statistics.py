"""``$stats``: the last week of this server (in DMs: the member's own), from the history."""

from boss_bot.core.fmt import duration, size
from boss_bot.core.history import KEEP_DAYS
from boss_bot.core.history.week import WeekSummary


def statistics(week: WeekSummary, where: str) -> str:
    """``$stats``: delivered, failed, bytes, median time, top platforms and members.

    Members are shown as mentions; the reply must go out with no allowed mentions.
    """
    if not week.total:
        return f"No downloads finished {where} in the last {KEEP_DAYS} days."
    median = duration(week.median_seconds) if week.median_seconds is not None else "-"
    platforms = " · ".join(f"{name} {count}" for name, count in week.platforms)
    members = " · ".join(f"<@{user}> {count}" for user, count in week.members)
    return "\n".join(
        [
            f"📊 **Downloads {where}, last {KEEP_DAYS} days**",
            f"✅ {week.completed} delivered · ❌ {week.failed} failed · "
            f"⏹️ {week.cancelled} cancelled",
            f"📦 {size(week.bytes)} delivered · ⏱️ median job {median}",
            f"**Top platforms**: {platforms}",
            f"**Busiest members**: {members}",
        ]
    )
