"""yt-dlp's read size, held to ``MAX_BLOCK`` in a download child.

yt-dlp's HTTP downloader sizes each read by the speed of the last one
(``FileDownloader.best_block_size``): about a second's worth, up to 4 MB. Each read
makes a bytes object of that size (two, inside ``http.client``), so on a fast link a
child holds about 10 MB for its reads alone, and the allocator keeps much of it after.
Capped at ``MAX_BLOCK``, a fast download makes more, smaller reads (40 a second at
10 MB/s); a slow one still reads about a second's worth each time, so progress never
stalls longer than it did.
"""

from yt_dlp.downloader.common import FileDownloader

MAX_BLOCK = 256 * 1024
_GROWING = FileDownloader.best_block_size


def best_block_size(elapsed_time: float, bytes: int) -> int:
    """yt-dlp's choice of the next read's size, at most ``MAX_BLOCK``."""
    return min(_GROWING(elapsed_time, bytes), MAX_BLOCK)


def install() -> None:
    """Cap every yt-dlp download's reads in this process (a child: one job)."""
    FileDownloader.best_block_size = staticmethod(best_block_size)
