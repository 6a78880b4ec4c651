"""What the download fork server loads before it forks its first child."""

import sys
import time
from collections.abc import Callable

from boss_bot.downloaders.fork_server._throwaway import ask_in_fork
from boss_bot.downloaders.fork_server.messages import JobSpec


def _warm_ytdlp() -> None:
    import yt_dlp

    from boss_bot.downloaders.libraries import tls_context, ytdlp_lean

    tls_context.install()  # one TLS context, made here, for every child's handlers

    for extractor in yt_dlp.extractor.gen_extractor_classes():
        extractor.suitable("")  # compiles its URL pattern, cached on the class
    # typeshed's stubs type cachedir as str | None; yt-dlp documents False (no cache dir):
    with yt_dlp.YoutubeDL({"quiet": True, "cachedir": False}):  # pyright: ignore[reportArgumentType]
        pass  # loads plugins and the network handlers
    ytdlp_lean.defaults()  # the extractor table the children read


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

    from boss_bot.downloaders.libraries import claims, gallerydl, guard, javascript, ytdlp  # noqa: F401

    javascript.deno_path()  # found once: the search reads Python's build configuration

    failed = []
    for name, warm in WARMERS.items():
        try:
            warm()
        except Exception as exc:  # any failure only costs speed
            print(f"warming {name} failed: {exc!r}", file=sys.stderr)
            failed.append(f"{name}: {exc!r}")
    return {"seconds": round(time.monotonic() - started, 2), "failed": failed}


def before_fork(spec: JobSpec) -> JobSpec:
    """``spec`` with what the server finds for the child, once, in its own memory.

    yt-dlp's extractor for the link: looking for it in the child would touch every
    extractor class, and make each page it touches the child's own (``ytdlp_lean``).
    The child looks for itself if this fails.
    """
    if spec["engine"] != "yt-dlp":
        return spec
    from boss_bot.downloaders.libraries.ytdlp_lean import extractor_for

    try:
        return {**spec, "extractor": ask_in_fork(extractor_for, spec["url"])}
    except Exception as exc:  # only memory is at stake
        print(f"finding the extractor of {spec['url']} failed: {exc!r}", file=sys.stderr)
        return spec
