"""Two shares of the same media have the same ``link_key``; different media do not."""

import pytest

from boss_bot.core.link_keys import link_key

SAME = [
    # YouTube: short and mobile hosts, shorts, share and timing parameters
    ("https://youtu.be/dQw4w9WgXcQ?si=Abc123", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    (
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share",
        "https://youtube.com/watch?v=dQw4w9WgXcQ",
    ),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "https://youtu.be/dQw4w9WgXcQ"),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ"),
    # Twitter/X: mobile, mirrors, user name, photo suffix, s/t parameters
    ("https://mobile.twitter.com/User/status/123?s=20&t=abc", "https://x.com/user/status/123"),
    ("https://fxtwitter.com/a/status/123", "https://x.com/b/status/123/photo/1"),
    ("https://vxtwitter.com/a/status/123", "https://fixupx.com/a/status/123"),
    ("https://twitter.com/i/web/status/123", "https://x.com/a/status/123"),
    # Reddit: old./np./m. hosts, redd.it, title and share parameters
    (
        "https://old.reddit.com/r/pics/comments/abc12/title/",
        "https://www.reddit.com/r/pics/comments/abc12/",
    ),
    ("https://np.reddit.com/r/pics/comments/abc12", "https://redd.it/abc12"),
    (
        "https://m.reddit.com/r/pics/comments/abc12/t/?utm_source=share&utm_medium=ios_app",
        "https://reddit.com/comments/abc12",
    ),
    (
        "https://www.reddit.com/r/pics/comments/abc12/?share_id=x&rdt=1",
        "https://www.reddit.com/r/pics/comments/abc12",
    ),
    # TikTok and Instagram
    (
        "https://m.tiktok.com/@u/video/1?is_from_webapp=1&sender_device=pc",
        "https://www.tiktok.com/@u/video/1",
    ),
    ("https://www.instagram.com/p/Cx1/?igshid=abc&igsh=def", "https://instagram.com/p/Cx1"),
    # Anything: tracking parameters, fragment, case of the host, parameter order, www.
    ("https://example.com/v.mp4?utm_source=x&fbclid=y&gclid=z", "https://EXAMPLE.com/v.mp4"),
    ("https://example.com/v.mp4#t=3", "https://www.example.com/v.mp4"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
    ("https://example.com:443/a/", "https://example.com/a"),
]
DIFFERENT = [
    ("https://youtu.be/dQw4w9WgXcQ", "https://youtu.be/aaaaaaaaaaa"),
    ("https://www.youtube.com/playlist?list=PL1", "https://www.youtube.com/playlist?list=PL2"),
    ("https://x.com/a/status/1", "https://x.com/a/status/2"),
    (
        "https://www.reddit.com/r/pics/comments/abc12",
        "https://www.reddit.com/r/pics/comments/abc13",
    ),
    ("https://example.com/v.mp4?id=1", "https://example.com/v.mp4?id=2"),
    ("https://example.com/v.mp4", "https://example.org/v.mp4"),
    ("https://example.com:8080/v.mp4", "https://example.com/v.mp4"),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_shares_of_the_same_media_have_one_key(one: str, other: str) -> None:
    assert link_key(one) == link_key(other)


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_media_have_different_keys(one: str, other: str) -> None:
    assert link_key(one) != link_key(other)
