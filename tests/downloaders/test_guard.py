"""The connect-time guard in the download child: redirects cannot reach internal hosts.

No public host is reachable offline, so the test treats one loopback address,
127.0.0.2, as "public": the real child process runs with only that classification
changed. A page there redirects to 127.0.0.1, which must be refused at connect time
by both downloaders; the server behind it must see no request.
"""

import asyncio
import json
import sys
from pathlib import Path

import pytest

from boss_bot.downloaders._guard import BLOCKED_MARKER
from tests.support.media_server import MediaServer

PATCHED_CHILD = (
    "import runpy, boss_bot.core.addresses as a\n"
    "real = a.is_public\n"
    "a.is_public = lambda ip: str(ip) == '127.0.0.2' or real(ip)\n"
    "runpy.run_module('boss_bot.downloaders._child', run_name='__main__')\n"
)


async def _run_child(spec: dict) -> list[dict]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-P", "-c", PATCHED_CHILD, stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, _ = await asyncio.wait_for(proc.communicate(json.dumps(spec).encode() + b"\n"), 60)
    return [json.loads(line) for line in out.splitlines() if line.startswith(b"{")]


@pytest.mark.parametrize(("engine", "name"), [("yt-dlp", "v.mp4"), ("gallery-dl", "p.png")])
async def test_a_redirect_to_an_internal_host_is_refused_at_connect_time(
    tmp_path: Path, engine: str, name: str
) -> None:
    """The "public" page is fetched; the internal target behind its redirect is not."""
    try:
        outside = MediaServer(host="127.0.0.2")
    except OSError:
        pytest.skip("127.0.0.2 is not usable here (only Linux routes all of 127/8)")
    with outside, MediaServer() as inside:
        secret = inside.add_file(f"/{name}", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        start = outside.add_redirect(f"/hop/{name}", secret)
        spec = {"engine": engine, "url": start, "dest": str(tmp_path), "max_bytes": 10**7,
                "max_files": 5, "allow_private": False, "ffmpeg": None, "timeout": 30}  # fmt: skip
        events = await _run_child(spec)
    (end,) = [e for e in events if e.get("event") in ("done", "error")]
    assert end["kind"] == "blocked", end
    assert BLOCKED_MARKER in end["detail"]
    assert outside.hits(f"/hop/{name}") >= 1
    assert inside.requests == []
    assert list(tmp_path.iterdir()) == []
