"""What the download fork server loads before it forks its first child."""

import sys
import time
from collections.abc import Callable


def _warm_ytdlp() -> None:
    import yt_dlp

    for extractor in yt_dlp.extractor.gen_extractor_classes():
        extractor.suitable("")  # compiles its URL pattern, cached on the class
    # typeshed's stubs type cachedir as str | None; yt-dlp documents False (no cache dir):
    with yt_dlp.YoutubeDL({"quiet": True, "cachedir": False}):  # pyright: ignore[reportArgumentType]
        pass  # loads plugins and the network handlers


def _warm_gallerydl() -> None:
    import gallery_dl.extractor

    gallery_dl.extractor.extractors()  # imports every extractor module, compiles patterns


WARMERS: dict[str, Callable[[], None]] = {"yt-dlp": _warm_ytdlp, "gallery-dl": _warm_gallerydl}


def preload() -> dict:
    """Do here, once, the work every child would repeat: imports, URL patterns, plugins.

    yt-dlp compiles each extractor's URL pattern on first use and gallery-dl imports
    every extractor module to look for one; in a fresh child that was 0.6 s of CPU.
    Warming is an optimisation: a step that fails (a library changed) is reported, and
    the children do that work themselves.

    Returns:
        The seconds it took and the warming steps that failed.
    """
    started = time.monotonic()
    import gallery_dl.job  # noqa: F401
    import yt_dlp.downloader.http
    import yt_dlp.extractor.generic  # noqa: F401 -- the extractor of direct links

    from boss_bot.downloaders.libraries import claims, gallerydl, guard, ytdlp  # noqa: F401

    failed = []
    for name, warm in WARMERS.items():
        try:
            warm()
        except Exception as exc:  # any failure only costs speed
            print(f"warming {name} failed: {exc!r}", file=sys.stderr)
            failed.append(f"{name}: {exc!r}")
    return {"seconds": round(time.monotonic() - started, 2), "failed": failed}
