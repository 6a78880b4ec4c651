"""Decode an animated WebP into a lossless APNG, in a child process of its own.

``python -m boss_bot.core.media.webp_frames SRC OUT MAX_PIXELS MAX_FRAMES MAX_BYTES``

The WebP came from a remote server, so it is decoded here, never in the bot: the parent
starts this through ``core.ffmpeg.run``, which confines it (address-space limit,
parent-death signal, timeout, a cleaned environment). Before any frame is decoded, the
canvas (``MAX_PIXELS``, also Pillow's own bomb check), the frame count (``MAX_FRAMES``)
and what all frames take decoded (``MAX_BYTES``) are checked. Prints, as JSON, what the
APNG is: duration (s), frames, width, height and whether it has transparency. Exit 0 on
success, 3 when refused by a bound, 1 when Pillow could not read it.
"""

import json
import sys
from pathlib import Path

REFUSED = 3


def convert(src: Path, out: Path, max_pixels: int, max_frames: int, max_bytes: int) -> dict:
    """Write ``src``'s frames to ``out`` as APNG with their own durations; what it wrote.

    Raises:
        ValueError: A bound is exceeded (the message says which).
    """
    from PIL import Image  # here, not at the top: the bot itself never loads the decoders

    Image.MAX_IMAGE_PIXELS = max_pixels  # twice that raises: checked below, as well
    try:
        image = Image.open(src, formats=["WEBP"])
    except Image.DecompressionBombError as exc:
        raise ValueError(str(exc)) from exc
    with image:
        width, height = image.size
        count = getattr(image, "n_frames", 1)
        alpha = image.mode in ("RGBA", "LA")
        if width * height > max_pixels or count > max_frames:
            raise ValueError(f"{width}x{height}, {count} frames")
        if width * height * count * (4 if alpha else 3) > max_bytes:
            raise ValueError(f"{width}x{height}x{count} frames take too much memory")
        frames, durations = [], []
        for index in range(count):
            image.seek(index)
            frames.append(image.convert("RGBA" if alpha else "RGB"))
            durations.append(max(int(image.info.get("duration") or 100), 10))
    first, rest = frames[0], frames[1:]
    first.save(out, format="PNG", save_all=True, append_images=rest, duration=durations)
    return {
        "duration": sum(durations) / 1000,
        "frames": count,
        "width": width,
        "height": height,
        "alpha": alpha,
    }


def main(argv: list[str]) -> int:
    """Run ``convert`` on the command line's arguments; print its answer."""
    src, out, pixels, frames, memory = argv
    try:
        shown = convert(Path(src), Path(out), int(pixels), int(frames), int(memory))
    except ValueError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return REFUSED
    except Exception as exc:  # Pillow's errors for a broken file are many
        print(f"unreadable: {type(exc).__name__}", file=sys.stderr)
        return 1
    print(json.dumps(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
