"""Where ffmpeg and ffprobe are, and how much memory each run of them may take."""

import shutil
from dataclasses import dataclass

from boss_bot.core.ffmpeg._process import DEFAULT_MEMORY_MB


@dataclass(frozen=True, slots=True)
class Tools:
    """Where ffmpeg and ffprobe are (either may be missing), and their memory limit."""

    ffmpeg: str | None
    ffprobe: str | None
    memory_mb: int = DEFAULT_MEMORY_MB

    @classmethod
    def find(
        cls, ffmpeg: str | None = None, ffprobe: str | None = None, memory_mb: int | None = None
    ) -> "Tools":
        """Use the configured paths, else look on PATH."""
        found = (ffmpeg or shutil.which("ffmpeg"), ffprobe or shutil.which("ffprobe"))
        return cls(*found, memory_mb or DEFAULT_MEMORY_MB)

    @property
    def available(self) -> bool:
        """Both are there."""
        return bool(self.ffmpeg and self.ffprobe)
