"""``bossbotctl queue``: the persisted queue, as a table."""

from datetime import UTC, datetime

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from boss_bot.core.fmt import duration
from boss_bot.core.store import SqliteJobStore
from boss_bot.settings import BotSettings


def show_queue(settings: BotSettings, console: Console) -> int:
    """Print the unfinished jobs saved in the data directory; return how many.

    Every cell is escaped, since URLs come from users and may hold rich markup.
    """
    path = settings.data_dir / "queue.sqlite3"
    if not path.exists():
        console.print(f"No queue database yet at {escape(str(path))}.")
        return 0
    store = SqliteJobStore(path)
    try:
        items = store.unfinished()
    finally:
        store.close()
    table = Table("id", "guild", "user", "status", "priority", "tries", "age", "url")
    now = datetime.now(UTC)
    for item in items:
        cells = (
            item.id, str(item.guild_id or "DM"), str(item.user_id), item.status.value,
            item.priority.name.lower(), str(item.attempts),
            duration((now - item.created_at).total_seconds()), item.url,
        )  # fmt: skip
        table.add_row(*map(escape, cells))
    console.print(table if items else "The queue is empty.")
    return len(items)
