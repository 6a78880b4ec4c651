"""Playlists and galleries on the loopback media server that the real libraries read.

yt-dlp's generic extractor reads an RSS feed's enclosures as a playlist; gallery-dl's
``recursive:`` extractor follows every link of a page, each as a child job.
"""

import os
from pathlib import Path

from tests.support.media_server import MediaServer

PICTURE = b"\x89PNG\r\n\x1a\n" + os.urandom(300_000)  # a PNG signature: sniffed as a picture


def serve_feed(server: MediaServer, clip: Path, count: int) -> str:
    """An RSS feed of ``count`` episodes, each the same short clip; returns its URL."""
    items = ""
    for n in range(count):
        url = server.add_file(f"/ep{n}.mp4", clip, content_type="video/mp4")
        items += f"<item><title>Ep {n}</title><guid>ep{n}</guid><enclosure url='{url}'/></item>"
    feed = f"<rss version='2.0'><channel><title>F</title>{items}</channel></rss>"
    return server.add_file("/feed.rss", feed.encode(), content_type="application/rss+xml")


def serve_gallery(server: MediaServer, count: int) -> str:
    """A page linking ``count`` pictures of 300 kB; returns its ``recursive:`` URL."""
    links = ""
    for n in range(count):
        links += f"<a href='{server.add_file(f'/img{n}.png', PICTURE, 'image/png')}'>{n}</a>"
    return "recursive:" + server.add_html("/gallery.html", f"<html><body>{links}</body></html>")
