"""What the download fork server loads before it forks its first child."""

import contextlib


def preload() -> None:
    """Do here, once, the work every child would repeat: imports, URL patterns, plugins.

    yt-dlp compiles each extractor's URL pattern on first use and gallery-dl imports
    every extractor module to look for one; in a fresh child that was 0.6 s of CPU.
    """
    import gallery_dl.extractor
    import gallery_dl.job
    import yt_dlp
    import yt_dlp.downloader.http
    import yt_dlp.extractor.generic  # the extractor of direct links

    from boss_bot.downloaders import _gallerydl_child, _guard, _ytdlp_child  # noqa: F401

    for extractor in yt_dlp.extractor.gen_extractor_classes():
        with contextlib.suppress(Exception):
            extractor.suitable("")
    gallery_dl.extractor.extractors()
    with yt_dlp.YoutubeDL({"quiet": True, "cachedir": False}):
        pass  # loads plugins and the network handlers
