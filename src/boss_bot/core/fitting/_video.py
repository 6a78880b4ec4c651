"""Re-encoding a video (or an animated GIF) to H.264/AAC mp4 under a byte limit."""

from pathlib import Path

from loguru import logger

from boss_bot.core.ffmpeg import MediaInfo, Tools, input_args, run, size_of
from boss_bot.core.fitting._plan import MIN_VIDEO_BPS, VideoPlan, plan_video

# The ladder applies to the short side (portrait video keeps its detail); both sides end
# even, which H.264 in 4:2:0 requires.
SCALE = (
    "scale='if(gte(iw,ih),-2,trunc(min({s},iw)/2)*2)':'if(gte(iw,ih),trunc(min({s},ih)/2)*2,-2)'"
)
# Four threads each for decoding and x264 keep a 4K source under the default 1 GiB
# address-space limit; x264's own default (1.5 per core) went over it from 8 threads.
THREADS = "4"


def video_args(
    tools: Tools, src: Path, out: Path, plan: VideoPlan, *, demuxer: str, audio: bool
) -> list[str]:
    """The ffmpeg command for one encode of ``src`` (read as ``demuxer``) into ``out``."""
    rate = str(plan.video_bps)
    sound = ["-map", "0:a:0", "-c:a", "aac", "-b:a", str(plan.audio_bps)] if audio else []
    return [
        *(tools.ffmpeg or "ffmpeg", "-y", "-v", "error", "-threads", THREADS),
        *input_args(demuxer, src),
        *("-map", "0:v:0", *sound, "-c:v", "libx264", "-preset", "veryfast"),
        *("-threads", THREADS, "-b:v", rate, "-maxrate", rate),
        *("-bufsize", str(plan.video_bps * 2), "-vf", SCALE.format(s=plan.side)),
        *("-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4", f"file:{out}"),
    ]


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
        out = src.parent / f".fit{step}.mp4"  # our name: the remote one may hold %d
        args = video_args(tools, src, out, plan, demuxer=info.demuxer, audio=info.has_audio)
        code, _ = await run(args, time_limit, tools.memory_mb)
        size = size_of(out)
        logger.debug("encoded {} at {} ({} B, exit {})", src.name, plan, size, code)
        if code == 0 and 0 < size <= limit:
            return out
        out.unlink(missing_ok=True)  # x264 overshoots short clips: aim lower by what it missed
        scale *= min(0.85, 0.97 * limit / size) if size else 0.85
    return None
