"""``bossbotctl queue``: the persisted queue, as a table."""

import sqlite3
from datetime import UTC, datetime

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from boss_bot.core.fmt import duration
from boss_bot.core.storage.job_store import DamagedError, SqliteJobStore, check
from boss_bot.core.storage.paths import Storage
from boss_bot.settings import BotSettings


def show_queue(settings: BotSettings, console: Console) -> int:
    """Print the unfinished jobs saved in the data directory; return how many.

    A damaged database is reported, not moved: the bot moves it aside at its start.
    Every cell is escaped, since URLs come from users and may hold rich markup.
    """
    path = Storage(settings.data_dir, settings.shard_tag).queue_db
    if not path.exists():
        console.print(f"No queue database yet at {escape(str(path))}.")
        return 0
    try:
        check(path)
        store = SqliteJobStore(path)
    except (DamagedError, sqlite3.Error) as exc:
        what = "is damaged" if isinstance(exc, DamagedError) else "cannot be read"
        console.print(f"The queue database {escape(str(path))} {what}: {escape(str(exc))}.")
        console.print("The bot moves a damaged one aside when it starts (see `bossbotctl doctor`).")
        return 0
    try:
        items = store.unfinished()
    finally:
        store.close()
    table = Table("id", "guild", "user", "status", "priority", "tries", "age", "url")
    now = datetime.now(UTC)
    for item in items:
        cells = (
            item.id,
            str(item.guild_id or "DM"),
            str(item.user_id),
            item.status.value,
            item.priority.name.lower(),
            str(item.attempts),
            duration((now - item.created_at).total_seconds()),
            item.url,
        )
        table.add_row(*map(escape, cells))
    console.print(table if items else "The queue is empty.")
    if store.skipped:
        console.print(f"{store.skipped} saved job(s) could not be read and were left out.")
    return len(items)
