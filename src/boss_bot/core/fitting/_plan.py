"""Choosing bitrates and a resolution that put a video under a byte limit."""

from dataclasses import dataclass

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
    duration: float,
    limit: int,
    source_side: int | None,
    step: int = 0,
    audio: bool = True,
    *,
    scale: float | None = None,
) -> VideoPlan:
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
