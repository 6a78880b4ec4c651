"""The on-disk layout of the data directory. Only this module builds paths in it.

```
<data_dir>/queue[.<shards>].sqlite3            the job store (waiting and running jobs)
<data_dir>/settings.sqlite3                    servers' settings, members' preferences
<data_dir>/history.sqlite3                     finished jobs of the last 7 days (core.history)
<data_dir>/cookies.txt                         cookies for every download (if there)
<data_dir>/restart[.<shards>].json             which message to edit once restarted
<data_dir>/run[.<shards>].lock                 held by the one process serving them
<data_dir>/temp[.<shards>]/<job_id>/           files of a running job
<data_dir>/temp[.<shards>]/.<job_id>.cookies-*.txt   a running download's copy of the cookies
<data_dir>/downloads/<guild>/<yyyy-mm-dd>/<job_id>/   records of finished jobs:
                                              metadata.json (+ files if kept)
<data_dir>/worker/                             a worker's own tree (temp/, run.lock)
```
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from loguru import logger

from boss_bot.core.storage.disk import remove


@dataclass(frozen=True, slots=True)
class Storage:
    """Paths under one data directory.

    Attributes:
        root: The data directory (``BOSS_BOT_DATA_DIR``).
        shards: This shard set's ``<shards>`` (``BotSettings.shard_tag``); "" unsharded.
    """

    root: Path
    shards: str = ""

    @property
    def temp(self) -> Path:
        """Directory holding one sub-directory per running job."""
        return self.root / (f"temp.{self.shards}" if self.shards else "temp")

    @property
    def queue_db(self) -> Path:
        """The job store's SQLite file (``queue.sqlite3``, one per shard set)."""
        return self.root / (f"queue.{self.shards}.sqlite3" if self.shards else "queue.sqlite3")

    @property
    def settings_db(self) -> Path:
        """Servers' settings and members' preferences (``settings.sqlite3``)."""
        return self.root / "settings.sqlite3"

    @property
    def history_db(self) -> Path:
        """The history of finished jobs (``history.sqlite3``): repeats and ``$stats``."""
        return self.root / "history.sqlite3"

    @property
    def search_db(self) -> Path:
        """What ``$find`` and ``$ask`` search (``search.sqlite3``): text, never media."""
        return self.root / "search.sqlite3"

    @property
    def cookies(self) -> Path:
        """The cookies file used when ``BOSS_BOT_COOKIES_FILE`` is not set."""
        return self.root / "cookies.txt"

    @property
    def restart_notice(self) -> Path:
        """The message ``$restart`` left for the restarted process to edit."""
        return self.root / (f"restart.{self.shards}.json" if self.shards else "restart.json")

    @property
    def run_lock(self) -> Path:
        """The lock a serving process holds (``core.storage.single_run``)."""
        return self.root / (f"run.{self.shards}.lock" if self.shards else "run.lock")

    @property
    def worker(self) -> "Storage":
        """A worker's own tree, apart from a gateway's files in the same data directory."""
        return Storage(self.root / "worker")

    @property
    def downloads(self) -> Path:
        """Directory holding the records of finished jobs."""
        return self.root / "downloads"

    def prepare(self, keep: Collection[str] = ()) -> None:
        """Create the tree, and remove job directories left by a crash (but ``keep``'s)."""
        self.temp.mkdir(parents=True, exist_ok=True)
        for leftover in self.temp.iterdir():
            if leftover.name in keep:  # paused jobs: resumed from their partial files
                continue
            logger.info("removing leftover temp entry {}", leftover.name)
            remove(leftover)

    def job_dir(self, job_id: str) -> Path:
        """Create and return the private directory of one job."""
        if not job_id.isalnum():
            raise ValueError(f"bad job id {job_id!r}")
        path = self.temp / job_id
        path.mkdir(parents=True, exist_ok=True)
        return path

    def day_dir(self, guild_id: int | None, day: datetime) -> Path:
        """Return the directory of one guild's records of one (UTC) day (not created)."""
        return self.downloads / str(guild_id or "dm") / f"{day:%Y-%m-%d}"

    def record_dir(self, guild_id: int | None, day: datetime, job_id: str) -> Path:
        """Return where the record of a finished job goes (not created)."""
        return self.day_dir(guild_id, day) / job_id

    def cleanup(self, job_id: str) -> None:
        """Remove a job's temp directory and everything in it."""
        remove(self.temp / job_id)
