"""Each download child reads a copy of the cookies file of its own, gone when it ends.

The loopback handler looks into the jobs' parent directory while a child is fetching,
so the test sees the copies the children really had.
"""

import asyncio
import stat
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from boss_bot.core.ports import JobLimits
from boss_bot.downloaders.engines import GALLERYDL, YTDLP
from boss_bot.downloaders.supervisor import run_in_child
from tests.support.media_handlers import _CookieWall, _File
from tests.support.media_server import MediaServer


def ignore(_event: object) -> None:
    """Progress is not looked at here."""


COOKIES = "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tletmein\n"


async def test_each_child_has_a_private_copy_next_to_its_directory(
    downloaders, media_dir: Path, tmp_path: Path
) -> None:
    """Two jobs at once, one per library (and gallery-dl's own yt-dlp): two copies, mode 600."""
    jobs = tmp_path / "temp"
    jar = tmp_path / "cookies.txt"
    jar.write_text(COOKIES)
    seen: list[tuple[str, int]] = []
    wall = _CookieWall(_File((media_dir / "clip.mp4").read_bytes(), "video/mp4"), "sid=letmein")

    def look_then_serve(h: BaseHTTPRequestHandler) -> None:
        seen.extend((p.name, stat.S_IMODE(p.stat().st_mode)) for p in jobs.glob(".*.cookies-*"))
        wall.serve(h)

    limits = JobLimits(timeout=60, allow_private=True, cookies=jar)
    with MediaServer() as server:
        url = server.add_route("/members/clip.mp4", look_then_serve)
        runs = {
            "a": (YTDLP, url),
            "b": (GALLERYDL, f"ytdl:{url}"),  # gallery-dl handing the link to its yt-dlp
        }
        for name in runs:
            (jobs / name).mkdir(parents=True)
        results = await asyncio.gather(
            *(
                run_in_child(engine, link, jobs / name, limits, ignore, forker=downloaders.forker)
                for name, (engine, link) in runs.items()
            )
        )
    assert [[p.name for p in files] for files in results] == [["clip.mp4"], ["clip.mp4"]]
    copies = {name for name, _ in seen}
    assert {name.split(".cookies-")[0] for name in copies} == {".a", ".b"}
    assert {mode for _, mode in seen} == {0o600}
    assert sorted(p.name for p in jobs.iterdir()) == ["a", "b"]  # the copies are gone
    assert jar.read_text() == COOKIES  # yt-dlp rewrote its copy, not this
