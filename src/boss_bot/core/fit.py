"""Making files fit the upload limit (SPEC §3.4): re-encode video, shrink images.

Video becomes H.264/AAC mp4 with faststart at the bitrate the duration and the limit
allow, at a resolution that bitrate can carry; if the result is still too large, up to
two more tries go a step lower, aiming lower by as much as the encoder overshot. Images
are scaled down and recompressed (JPEG, or WebP when they have transparency); animated
GIFs become mp4 video, which Discord plays.
Whatever still does not fit is left over-limit for the caller to report.
"""

from dataclasses import dataclass
from pathlib import Path

from loguru import logger

from boss_bot.core.ffmpeg import MediaInfo, Tools, run, size_of

HEADROOM = 0.92  # container overhead and the encoder's overshoot
MIN_VIDEO_BPS = 60_000  # below this not even 240p is watchable
LADDER = ((2_200_000, 1080), (1_000_000, 720), (500_000, 480), (250_000, 360), (0, 240))


@dataclass(frozen=True, slots=True)
class VideoPlan:
    """Settings for one encode."""

    video_bps: int
    audio_bps: int
    side: int  # the short side: 1080 means 1920x1080 or 1080x1920


def plan_video(
    duration: float, limit: int, source_side: int | None, step: int = 0, audio: bool = True,
    *, scale: float | None = None,
) -> VideoPlan:  # fmt: skip
    """Bitrates and short side that put ``duration`` seconds under ``limit`` bytes.

    ``step`` > 0 moves that many rungs down the resolution ladder and lowers the
    bitrate by 15 % a rung (the retry when the first result came out too large), or by
    ``scale`` when the caller measured how far over it came.
    """
    budget = limit * 8 * HEADROOM * (0.85**step if scale is None else scale) / max(duration, 0.1)
    sound = 96_000 if budget > 800_000 else 64_000 if budget > 250_000 else 32_000
    sound = sound if audio else 0
    video = int(budget - sound)
    rung = next((i for i, (floor, _) in enumerate(LADDER) if video >= floor), len(LADDER) - 1)
    side = LADDER[min(rung + step, len(LADDER) - 1)][1]
    return VideoPlan(video, sound, min(side, source_side or side))


# The ladder applies to the short side (portrait video keeps its detail); both sides end
# even, which H.264 in 4:2:0 requires.
SCALE = (
    "scale='if(gte(iw,ih),-2,trunc(min({s},iw)/2)*2)':'if(gte(iw,ih),trunc(min({s},ih)/2)*2,-2)'"
)


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


def _video_args(tools: Tools, src: Path, out: Path, plan: VideoPlan, audio: bool) -> list[str]:
    rate = str(plan.video_bps)
    return [
        tools.ffmpeg or "ffmpeg", "-y", "-v", "error", "-i", str(src), "-map", "0:v:0",
        *(["-map", "0:a:0", "-c:a", "aac", "-b:a", str(plan.audio_bps)] if audio else []),
        "-c:v", "libx264", "-preset", "veryfast", "-b:v", rate, "-maxrate", rate,
        "-bufsize", str(plan.video_bps * 2), "-vf", SCALE.format(s=plan.side),
        "-pix_fmt", "yuv420p", "-movflags", "+faststart", str(out),
    ]  # fmt: skip


async def fit_video(
    tools: Tools, src: Path, info: MediaInfo, limit: int, time_limit: float
) -> Path | None:
    """Re-encode ``src`` under ``limit``; ``None`` if three tries can't."""
    if not info.duration:
        return None
    scale = 1.0
    for step in (0, 1, 1):
        side = min(info.width or 0, info.height or 0) or None
        plan = plan_video(info.duration, limit, side, step, info.has_audio, scale=scale)
        if plan.video_bps < MIN_VIDEO_BPS:
            return None
        out = src.with_name(f"{src.stem}.fit{step}.mp4")
        code, _ = await run(_video_args(tools, src, out, plan, info.has_audio), time_limit)
        size = size_of(out)
        logger.debug("encoded {} at {} ({} B, exit {})", src.name, plan, size, code)
        if code == 0 and 0 < size <= limit:
            return out
        _remove(out)  # x264 overshoots short clips: aim lower by what it missed, and more
        scale *= min(0.85, 0.97 * limit / size) if size else 0.85
    return None


async def fit_image(
    tools: Tools, src: Path, info: MediaInfo, limit: int, time_limit: float
) -> Path | None:
    """Scale and recompress a still image under ``limit``; ``None`` if three tries can't."""
    ext, codec = (".webp", ["-c:v", "libwebp", "-quality", "80"]) if info.has_alpha else (
        ".jpg", ["-q:v", "3"])  # fmt: skip
    scale = min(1.0, (limit / max(size_of(src), 1)) ** 0.5 * 1.5)
    for attempt in range(3):
        out = src.with_name(f"{src.stem}.fit{attempt}{ext}")
        width = max(16, int((info.width or 1024) * scale)) // 2 * 2
        args = [tools.ffmpeg or "ffmpeg", "-y", "-v", "error", "-i", str(src), "-frames:v", "1",
                "-vf", f"scale={width}:-2", *codec, str(out)]  # fmt: skip
        code, _ = await run(args, time_limit)
        if code == 0 and 0 < size_of(out) <= limit:
            return out
        _remove(out)
        scale *= 0.6
    return None
