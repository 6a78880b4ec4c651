"""Records of finished jobs and the quotas (seed 001/003 "Storage Policies").

A finished job leaves ``metadata.json`` (and its files, with ``KEEP_DOWNLOADS``) in its
record directory (``Storage.record_dir``). New jobs are refused while disk space is
low, temp holds more than its cap, or the guild has used its daily quota (counted
from today's records, in UTC; in DMs, each user's). ``core.janitor`` applies retention.
"""

import json
import shutil
import threading
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from loguru import logger

from boss_bot.core.fmt import size
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.storage.disk import tree_usage
from boss_bot.core.storage.paths import Storage
from boss_bot.core.storage.policy import Policy

Clock = Callable[[], datetime]


def read_record(path: Path) -> dict:
    """A record's contents; an unreadable one counts as empty (and is logged)."""
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        logger.warning("unreadable record {}", path)
        return {}


class Records:
    """Writes records, answers "may this guild start a job?", and sweeps old data."""

    def __init__(
        self,
        storage: Storage,
        policy: Policy,
        clock: Clock = lambda: datetime.now(UTC),
        *,
        quota: Callable[[int], int] | None = None,
    ):
        """``quota(guild_id)``: a server's own daily quota in bytes (else the policy's)."""
        self.storage, self.policy, self.clock = storage, policy, clock
        self.quota = quota or (lambda _guild: policy.guild_daily)
        self._today: dict[tuple[str, str], int] = {}  # (guild, day) -> bytes delivered
        self._lock = threading.Lock()

    def write(self, item: DownloadItem, result: DownloadResult | None) -> Path:
        """Record a finished job (its files too when the policy keeps them)."""
        now = self.clock()
        before = self.used_today(item.guild_id, item.user_id, now)  # before this record
        folder = self.storage.record_dir(item.guild_id, now, item.id)
        folder.mkdir(parents=True, exist_ok=True)
        done = result is not None and item.status is DownloadStatus.COMPLETED
        files = list(result.files) if result and done else []
        sizes = result.file_sizes if result and done else ()
        meta = {
            **asdict(item),
            "finished_at": now.isoformat(),
            "files": [{"name": p.name, "bytes": n} for p, n in zip(files, sizes, strict=True)],
        }
        meta["bytes"] = sum(f["bytes"] for f in meta["files"])
        if self.policy.keep_files:
            for path in files:
                if path.exists():  # a remote worker's files stay on its host
                    shutil.copy2(path, folder / path.name)
        partial = folder / "metadata.json.part"  # a crash mid-write leaves no half record
        partial.write_text(json.dumps(meta, default=str, indent=1))
        partial.replace(folder / "metadata.json")
        with self._lock:  # hooks of two jobs may run at once, in worker threads
            key = (_owner(item.guild_id, item.user_id), f"{now:%Y-%m-%d}")
            self._today[key] = self._today.get(key, before) + meta["bytes"]
        return folder

    def used_today(self, guild: int | None, user_id: int = 0, now: datetime | None = None) -> int:
        """Bytes delivered today (UTC) to ``guild``, or in DMs to ``user_id``."""
        now = now or self.clock()
        key = (_owner(guild, user_id), f"{now:%Y-%m-%d}")
        if key not in self._today:
            day = self.storage.day_dir(guild, now)
            metas = [read_record(m) for m in day.glob("*/metadata.json")] if day.exists() else []
            mine = [m for m in metas if guild or m.get("user_id") == user_id]
            self._today[key] = sum(m.get("bytes", 0) for m in mine)
        return self._today[key]

    def refusal(self, guild_id: int | None, user_id: int = 0) -> str | None:
        """Why a new job can't start now, or ``None``."""
        root = self.storage.root
        if root.exists() and shutil.disk_usage(root).free < self.policy.min_free:
            return "I'm low on disk space, so new downloads are paused. Try again later."
        if tree_usage(self.storage.temp)[0] > self.policy.temp_cap:
            return "Too many large downloads are in progress. Try again in a few minutes."
        return self.over_quota(guild_id, user_id)

    def over_quota(self, guild_id: int | None, user_id: int = 0) -> str | None:
        """The quota message if the guild (in DMs: the user) has had today's quota."""
        limit = self.quota(guild_id) if guild_id else self.policy.guild_daily
        if self.used_today(guild_id, user_id) < limit:
            return None
        who = "This server has" if guild_id else "You have"
        where = "" if guild_id else " in direct messages"
        quota = size(limit)
        return f"{who} used today's {quota} download quota{where}. It resets at 00:00 UTC."


def _owner(guild_id: int | None, user_id: int) -> str:
    """Whose quota a job counts against: its guild, or in DMs its user."""
    return str(guild_id) if guild_id else f"dm-{user_id}"
