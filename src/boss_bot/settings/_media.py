"""Settings for one job's download and for fitting its files with ffmpeg."""

from pydantic import Field
from pydantic_settings import BaseSettings

MIB = 1024 * 1024


class MediaSettings(BaseSettings):
    """Bounds on a download, where ffmpeg is, and bounds on fitting."""

    download_timeout: float = Field(default=300, gt=0)
    max_download_mb: int = Field(default=500, ge=1)
    max_files_per_job: int = Field(default=30, ge=1, le=1000)
    allow_private_urls: bool = False
    ffmpeg_path: str | None = None
    ffprobe_path: str | None = None
    fit_timeout: float = Field(default=300, gt=0)
    fit_max_megapixels: float = Field(default=50, gt=0)
    fit_max_frames: int = Field(default=100_000, ge=1)
    ffmpeg_memory_mb: int = Field(default=1024, ge=64)

    @property
    def max_download_bytes(self) -> int:
        """``MAX_DOWNLOAD_MB`` in bytes."""
        return self.max_download_mb * MIB
