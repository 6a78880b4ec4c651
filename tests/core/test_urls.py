"""URL validation and platform routing."""

import pytest

from boss_bot.core.urls import Platform, check_url, platform_of
from boss_bot.errors import InvalidURLError, UnsupportedSiteError


@pytest.mark.parametrize(
    ("host", "platform"),
    [
        ("twitter.com", Platform.TWITTER),
        ("mobile.twitter.com", Platform.TWITTER),
        ("x.com", Platform.TWITTER),
        ("fxtwitter.com", Platform.TWITTER),
        ("vxtwitter.com", Platform.TWITTER),
        ("fixupx.com", Platform.TWITTER),
        ("reddit.com", Platform.REDDIT),
        ("old.reddit.com", Platform.REDDIT),
        ("v.redd.it", Platform.REDDIT),
        ("i.redd.it", Platform.REDDIT),
        ("www.youtube.com", Platform.GENERIC),
        ("notx.com", Platform.GENERIC),
        ("reddit.com.evil.example", Platform.GENERIC),
    ],
)
def test_platform_of_host(host: str, platform: Platform) -> None:
    """Hosts map to platforms by domain suffix, not by substring."""
    assert platform_of(host) is platform


def test_check_url_normalises_scheme_and_host() -> None:
    """Scheme and host are lower-cased; path and query are kept."""
    checked = check_url("<HTTPS://X.com/User/status/1?s=20>")
    assert checked.url == "https://x.com/User/status/1?s=20"
    assert checked.host == "x.com"
    assert checked.port == 443
    assert checked.platform is Platform.TWITTER


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "exactly one link"),
        ("ftp://example.com/a", "Only http"),
        ("javascript:alert(1)", "Only http"),
        ("file:///etc/passwd", "Only http"),
        ("https://user:pass@example.com/", "user name or password"),
        ("https://user@example.com/", "user name or password"),
        ("https://a.example/x https://b.example/y", "exactly one link"),
        ("https://a.example/xhttps://b.example/y", "one link at a time"),
        ("https://example.com:99999/", "malformed"),
        ("https:///path-only", "no valid host"),
        ("--exec=rm", "Only http"),
        ("https://" + "a" * 2100 + ".com/", "exactly one link"),
    ],
)
def test_invalid_urls_are_refused_with_a_reason(text: str, message: str) -> None:
    """Each kind of bad input gets its own explanation."""
    with pytest.raises(InvalidURLError, match=message):
        check_url(text)


def test_command_restriction() -> None:
    """A command limited to Reddit refuses other platforms."""
    reddit_only = frozenset({Platform.REDDIT})
    assert check_url("https://redd.it/abc", reddit_only).platform is Platform.REDDIT
    with pytest.raises(UnsupportedSiteError):
        check_url("https://x.com/a/status/1", reddit_only)
