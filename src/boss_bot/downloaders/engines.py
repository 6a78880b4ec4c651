"""The two ``Downloader`` implementations: yt-dlp and gallery-dl, each in a child process."""

from dataclasses import dataclass
from pathlib import Path

from boss_bot.core.ports import JobLimits, ProgressCallback
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.supervisor import run_in_child

YTDLP, GALLERYDL = "yt-dlp", "gallery-dl"


@dataclass(frozen=True, slots=True)
class ChildDownloader:
    """Runs one library (``name``) in a child process per job, forked by ``forker``."""

    name: str
    forker: Forker

    async def download(
        self, url: str, dest: Path, limits: JobLimits, on_progress: ProgressCallback
    ) -> list[Path]:
        """Download ``url`` into ``dest`` with this library; see ``Downloader``."""
        return await run_in_child(self.name, url, dest, limits, on_progress, forker=self.forker)
