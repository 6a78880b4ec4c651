"""Making files fit the upload limit (SPEC §3.4): re-encode video, shrink images.

Video becomes H.264/AAC mp4 with faststart at the bitrate the duration and the limit
allow, at a resolution that bitrate can carry; if the result is still too large, up to
two more tries go a step lower, aiming lower by as much as the encoder overshot. Images
are scaled down and recompressed (JPEG, or WebP when they have transparency); animated
GIFs become mp4 video, which Discord plays. Whatever still does not fit is left
over-limit for the caller to report. Every input is opened as its sniffed demuxer only
(see ``core.ffmpeg``).
"""

from boss_bot.core.fitting._bounds import InputBounds
from boss_bot.core.fitting._image import fit_image
from boss_bot.core.fitting._plan import LADDER, VideoPlan, plan_video
from boss_bot.core.fitting._video import fit_video, video_args

__all__ = [
    "LADDER",
    "InputBounds",
    "VideoPlan",
    "fit_image",
    "fit_video",
    "plan_video",
    "video_args",
]
