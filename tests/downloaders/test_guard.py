"""The connect-time guard in the download child: redirects cannot reach internal hosts.

No public host is reachable offline, so the test treats one loopback address,
127.0.0.2, as "public": the real child process runs with only that classification
changed. A page there redirects to 127.0.0.1, which must be refused at connect time
by both downloaders; the server behind it must see no request.
"""

import sys
from pathlib import Path

import pytest

from boss_bot.core.ports import JobLimits
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.libraries.guard import BLOCKED_MARKER
from boss_bot.downloaders.supervisor import run_in_child
from boss_bot.errors import DownloadFailedError, FailureKind
from tests.support.media_server import MediaServer

pytestmark = pytest.mark.slow  # real downloaders against redirecting servers

PATCHED_SERVER = (
    "import runpy, boss_bot.core.addresses as a\n"
    "real = a.is_public\n"
    "a.is_public = lambda ip: str(ip) == '127.0.0.2' or real(ip)\n"
    "runpy.run_module('boss_bot.downloaders.fork_server._server', run_name='__main__')\n"
)


@pytest.fixture(scope="module")
def patched_forker():
    """A fork server whose children take 127.0.0.2 for a public address."""
    forker = Forker([sys.executable, "-P", "-c", PATCHED_SERVER])
    yield forker
    forker.close()


@pytest.mark.parametrize(("engine", "name"), [("yt-dlp", "v.mp4"), ("gallery-dl", "p.png")])
async def test_a_redirect_to_an_internal_host_is_refused_at_connect_time(
    tmp_path: Path, engine: str, name: str, patched_forker: Forker
) -> None:
    """The "public" page is fetched; the internal target behind its redirect is not."""
    try:
        outside = MediaServer(host="127.0.0.2")
    except OSError:
        pytest.skip("127.0.0.2 is not usable here (only Linux routes all of 127/8)")
    with outside, MediaServer() as inside:
        secret = inside.add_file(f"/{name}", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        start = outside.add_redirect(f"/hop/{name}", secret)
        limits = JobLimits(timeout=30, max_bytes=10**7, max_files=5)
        with pytest.raises(DownloadFailedError) as failure:
            await run_in_child(
                engine, start, tmp_path, limits, lambda e: None, forker=patched_forker
            )
    assert failure.value.kind is FailureKind.BLOCKED, failure.value.detail
    assert BLOCKED_MARKER in failure.value.detail
    assert outside.hits(f"/hop/{name}") >= 1
    assert inside.requests == []
    assert list(tmp_path.iterdir()) == []
