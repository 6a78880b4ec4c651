"""Lines of ``$health`` about the downloader libraries."""

from datetime import date

from boss_bot.core.fmt import size
from boss_bot.core.jobs.views import HealthView
from boss_bot.core.versions import LibraryVersion
from boss_bot.settings import BotSettings


def downloader_lines(
    found: list[LibraryVersion],
    running: dict[str, str | None],
    settings: BotSettings,
    prefix: str | None = None,
) -> list[str]:
    """The downloaders' versions and dates; warnings when one is old or not in use yet.

    Args:
        found: The versions installed now.
        running: The versions installed when the bot started, which it runs until
            restarted (the download server imported them then).
        settings: For the maximum age and the command prefix.
        prefix: The prefix the reader uses here (the server's), if not the operator's.
    """
    today = date.today()
    prefix = prefix or settings.command_prefix
    lines = ["Downloaders: " + ", ".join(v.describe(today) for v in found)]
    for v in found:
        if old := v.too_old(today, settings.downloader_max_age_days, prefix):
            lines.append(f"⚠️ {old}")
        if v.version != running.get(v.name, v.version):
            lines.append(
                f"⚠️ {v.name} {v.version} is installed, but the bot still runs "
                f"{running[v.name]}: `{prefix}restart` to use it"
            )
    return lines


def rate_line(health: HealthView) -> str:
    """How fast the running downloads fetch now, next to the limits that are set."""
    limits = [
        f"{size(limit)}/s {what}"
        for limit, what in ((health.total_rate_limit, "in all"), (health.job_rate_limit, "a job"))
        if limit is not None
    ]
    shown = f"limits {', '.join(limits)}" if limits else "no limit"
    return f"Download speed: {size(health.download_rate)}/s now ({shown})"
