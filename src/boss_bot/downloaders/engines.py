"""The two ``Downloader`` implementations: yt-dlp and gallery-dl, each in a child process."""

from dataclasses import dataclass
from pathlib import Path

from boss_bot.core.ports import JobLimits, ProgressCallback
from boss_bot.downloaders.supervisor import run_in_child


@dataclass(frozen=True, slots=True)
class _ChildDownloader:
    """Runs one library in a child process per job (see ``fork_server._child``)."""

    name: str

    async def download(
        self, url: str, dest: Path, limits: JobLimits, on_progress: ProgressCallback
    ) -> list[Path]:
        """Download ``url`` into ``dest`` with this library; see ``Downloader``."""
        return await run_in_child(self.name, url, dest, limits, on_progress)


YTDLP = _ChildDownloader("yt-dlp")
GALLERYDL = _ChildDownloader("gallery-dl")
