"""How big an input may be before it is encoded, read from the probe (pixels, frames)."""

from dataclasses import dataclass

from boss_bot.core.ffmpeg import MediaInfo


@dataclass(frozen=True, slots=True)
class InputBounds:
    """The most pixels a frame and the most frames a file may have to be fitted.

    A 310 KB PNG of 10000×10000 decodes to hundreds of megabytes; a long GIF to as many
    frames. These are refused before ffmpeg starts, with a sentence saying why.
    """

    megapixels: float = 50
    frames: int = 100_000

    def refusal(self, name: str, info: MediaInfo) -> str | None:
        """Why ``name`` is too large to process, or ``None`` when it is within budget."""
        if info.megapixels > self.megapixels:
            size = f"{info.width}×{info.height} ({info.megapixels:.0f} megapixels)"
            return f"{name} is {size}, more than the {self.megapixels:g} I will process."
        if info.frames and info.frames > self.frames:
            return f"{name} has {info.frames} frames, more than the {self.frames} I will process."
        return None
