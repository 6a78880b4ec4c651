"""The fallback between downloaders: when the next one tries, and what the failure says.

Fakes stand in for the two libraries (the real ones: tests/bot/test_fallback.py).
"""

from pathlib import Path

import pytest

from boss_bot.core.ports import JobLimits
from boss_bot.downloaders.fallback import FallbackDownloader
from boss_bot.downloaders.fork_server.messages import Claims
from boss_bot.downloaders.routing import order
from boss_bot.errors import DownloadFailedError
from boss_bot.errors.kinds import FailureKind as K
from tests.fakes import MP4, FakeDownloader

URL = "https://x.com/user/status/1"  # both claim it: gallery-dl first


async def _both_claim(url: str) -> Claims:
    return {"claimed": {"gallery-dl": "twitter", "yt-dlp": "Twitter"}, "seconds": 0.0}


def _chain(first: FakeDownloader, second: FakeDownloader) -> FallbackDownloader:
    return FallbackDownloader(_both_claim, {"gallery-dl": first, "yt-dlp": second}, order)


async def _download(chain: FallbackDownloader, dest: Path) -> list[Path]:
    return await chain.download(URL, dest, JobLimits(timeout=60), lambda event: None)


async def test_the_second_library_delivers_when_the_first_finds_none(tmp_path: Path) -> None:
    """No media from gallery-dl: yt-dlp tries in an emptied directory; its name is kept."""
    first, second = FakeDownloader(fail=K.NO_MEDIA), FakeDownloader(files={"v.mp4": MP4})
    chain = _chain(first, second)
    files = await _download(chain, tmp_path)
    assert [f.name for f in files] == ["v.mp4"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.mp4"]  # first one's debris gone
    assert (len(first.calls), len(second.calls)) == (1, 1)
    assert chain.name == "yt-dlp"


async def test_a_web_page_instead_of_media_lets_the_next_one_try(tmp_path: Path) -> None:
    """Files that are no media (an HTML page) count as a failure while another may try."""
    first = FakeDownloader(files={"post.jpg": b"<!DOCTYPE html><html></html>"})
    chain = _chain(first, FakeDownloader(files={"v.mp4": MP4}))
    assert [f.name for f in await _download(chain, tmp_path)] == ["v.mp4"]


async def test_the_first_that_delivers_is_the_only_one(tmp_path: Path) -> None:
    """gallery-dl delivers: yt-dlp is never started."""
    first, second = FakeDownloader(files={"a.mp4": MP4}), FakeDownloader()
    chain = _chain(first, second)
    await _download(chain, tmp_path)
    assert second.calls == []
    assert chain.name == "gallery-dl"


@pytest.mark.parametrize("kind", [K.NETWORK, K.RATE_LIMITED, K.REMOVED, K.TOO_LARGE, K.TIMEOUT])
async def test_transient_and_final_failures_do_not_fall_back(tmp_path: Path, kind: K) -> None:
    """Network trouble is for the retry loop; removed or too large would fail the same way."""
    second = FakeDownloader()
    with pytest.raises(DownloadFailedError) as failure:
        await _download(_chain(FakeDownloader(fail=kind), second), tmp_path)
    assert failure.value.kind is kind
    assert second.calls == []
    assert "Tried" not in failure.value.user_message()


async def test_a_login_wall_is_the_headline_and_both_are_named(tmp_path: Path) -> None:
    """No media from one, a login wall at the other: the login message, and why each failed."""
    chain = _chain(FakeDownloader(fail=K.NO_MEDIA), FakeDownloader(fail=K.LOGIN_REQUIRED))
    with pytest.raises(DownloadFailedError) as failure:
        await _download(chain, tmp_path)
    assert failure.value.kind is K.LOGIN_REQUIRED
    assert failure.value.tried == (("gallery-dl", K.NO_MEDIA), ("yt-dlp", K.LOGIN_REQUIRED))
    failure.value.site = "x.com"
    message = failure.value.user_message()
    assert message.startswith("That needs a signed-in account on x.com.")
    assert message.endswith("Tried gallery-dl (no media found) and yt-dlp (needs a login).")


async def test_a_broken_extractor_falls_back_and_a_transient_end_is_retried(tmp_path: Path) -> None:
    """gallery-dl broke, yt-dlp lost the connection: NETWORK (retried), both named."""
    chain = _chain(FakeDownloader(fail=K.EXTRACTOR_BROKEN), FakeDownloader(fail=K.NETWORK))
    with pytest.raises(DownloadFailedError) as failure:
        await _download(chain, tmp_path)
    assert failure.value.kind is K.NETWORK
    assert failure.value.kind.transient
    assert "Tried gallery-dl (couldn't read the page) and yt-dlp (couldn't connect)." in (
        failure.value.user_message()
    )
