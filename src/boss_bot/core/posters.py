"""The caption card's poster: a frame of the delivered video when the site gave no thumbnail.

A ``BatchStep`` (``JobRunner(steps=…)``), so it runs after fitting and after the steps
before it (conversion, cleaning): the frame comes from the file that will be posted. It
is taken at 10 % of the video, at most 480 px wide, as a small JPEG without metadata,
into the job directory under a dot-name (``media_files`` never takes it for media).
With ``CAPTION_CARD`` off, the step marks the card not shown instead (search still
reads it).
"""

from dataclasses import dataclass, replace
from pathlib import Path

from loguru import logger

from boss_bot.core.ffmpeg import Tools, input_args, probe, run, size_of
from boss_bot.core.ffmpeg._inputs import VIDEO_DEMUXERS
from boss_bot.core.fitting.fitter import is_still
from boss_bot.core.media.content import sniff_file
from boss_bot.core.results import Batch
from boss_bot.settings import BotSettings

POSTER = ".poster.jpg"
AT = 0.10  # of the video's duration
WIDTH = 480
MAX_POSTER_BYTES = 512 * 1024
SECONDS = 30.0
THREADS = "4"  # decoder threads: a 4K frame stays under FFMPEG_MEMORY_MB (as in fitting)


def poster_args(tools: Tools, video: Path, demuxer: str, at: float, out: Path) -> list[str]:
    """The ffmpeg command taking one frame at ``at`` seconds of ``video`` into ``out``."""
    scale = f"scale='min({WIDTH},iw)':-2,format=yuvj420p"
    return [
        *(tools.ffmpeg or "ffmpeg", "-y", "-v", "error", "-threads", THREADS),
        *("-ss", f"{at:.3f}"),
        *input_args(demuxer, video),
        *("-map", "0:v:0", "-frames:v", "1", "-vf", scale, "-map_metadata", "-1"),
        *("-c:v", "mjpeg", "-q:v", "6", "-f", "mjpeg", f"file:{out}"),
    ]


async def _video(path: Path) -> str | None:
    """The demuxer ``path`` is opened with, if it is a video container (not a GIF)."""
    demuxer = (await sniff_file(path)).demuxer
    return demuxer if demuxer in VIDEO_DEMUXERS and demuxer != "gif" else None


async def take_poster(
    tools: Tools, video: Path, time_limit: float = SECONDS
) -> tuple[Path, float | None] | None:
    """A JPEG of the frame at 10 % of ``video``, beside it, and the video's duration."""
    demuxer = await _video(video)
    info = await probe(tools, video, demuxer, time_limit) if demuxer else None
    if demuxer is None or info is None or info.video_codec is None or is_still(info):
        return None
    out = video.parent / POSTER
    args = poster_args(tools, video, demuxer, (info.duration or 0) * AT, out)
    code, _ = await run(args, time_limit, tools.memory_mb)
    if code or not 0 < size_of(out) <= MAX_POSTER_BYTES:
        logger.info("no poster frame from {} (exit {})", video.name, code)
        out.unlink(missing_ok=True)
        return None
    return out, info.duration


@dataclass(frozen=True, slots=True)
class CardStep:
    """Completes a batch's caption card with a poster frame, or hides the card when off."""

    tools: Tools
    enabled: bool = True

    @classmethod
    def from_settings(cls, settings: BotSettings) -> "CardStep":
        """``CAPTION_CARD`` and the configured ffmpeg/ffprobe."""
        tools = Tools.find(settings.ffmpeg_path, settings.ffprobe_path, settings.ffmpeg_memory_mb)
        return cls(tools, settings.caption_card)

    async def __call__(self, batch: Batch, limit: int) -> Batch:
        """The batch, its card with a poster from its first video that fits ``limit``.

        A card without a duration gets the video's own.
        """
        card = batch.card
        if not self.enabled:
            return replace(batch, card=card and replace(card, shown=False))
        if card is None or card.thumbnail_url or card.poster or not self.tools.available:
            return batch
        for path in batch.files:  # the first video that will be posted, and only it
            if size_of(path) <= limit and await _video(path):
                if (taken := await take_poster(self.tools, path)) is None:
                    return batch
                poster, seconds = taken  # a direct link's page says no duration: the file does
                card = replace(card, poster=poster, duration=card.duration or seconds)
                return replace(batch, card=card)
        return batch
