"""A finished job as a row of the history: from a job and its result, or an old record."""

from datetime import datetime

from boss_bot.core.history._schema import Row
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.link_keys import link_key


def owner_of(guild_id: int | None, user_id: int) -> str:
    """Whose history a job belongs to: its guild, or in DMs its user."""
    return str(guild_id) if guild_id else f"dm-{user_id}"


def _stamp(value: object) -> float | None:
    if isinstance(value, datetime):
        return value.timestamp()
    return datetime.fromisoformat(value).timestamp() if isinstance(value, str) and value else None


def row_of(item: DownloadItem, result: DownloadResult | None, now: datetime) -> Row:
    """The row of a job that just finished."""
    done = item.status is DownloadStatus.COMPLETED and result is not None
    size = result.total_bytes if done and result else 0
    return (
        item.id,
        owner_of(item.guild_id, item.user_id),
        link_key(item.url) if done else None,  # only a delivery is a repeat
        item.guild_id,
        item.channel_id,
        item.files_message_id or item.status_message_id,
        item.user_id,
        item.platform.value,
        item.status.value,
        size,
        _stamp(item.started_at),
        now.timestamp(),
    )


def row_of_record(meta: dict) -> Row | None:
    """The row of a record written before the history existed; None if it lacks a field."""
    try:
        guild, user = meta["guild_id"], int(meta["user_id"])
        return (
            str(meta["id"]),
            owner_of(guild, user),
            link_key(str(meta["url"])) if meta["status"] == "completed" else None,
            guild,
            int(meta["channel_id"]),
            meta.get("files_message_id") or meta.get("status_message_id"),
            user,
            str(meta["platform"]),
            str(meta["status"]),
            int(meta.get("bytes") or 0),
            _stamp(meta.get("started_at")),
            _stamp(meta["finished_at"]),
        )
    except (KeyError, TypeError, ValueError):
        return None
