"""The same link, however it was shared: a key for spotting repeats (no duplicate downloads).

``link_key`` is pure: no network. It drops what changes between two shares of one
post (tracking parameters, the fragment, mobile and mirror hosts, short links that
carry the id) and keeps what picks the media. The key is only compared, never fetched.
"""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from boss_bot.core.urls import HOSTS, Platform

_TRACKING = re.compile(
    r"utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|mc_[ce]id|igshid|igsh"
    r"|si|feature|share_id|shareid|ref_src|ref_url|ref|_ga|_gl|is_from_webapp|sender_device"
    r"|_r|_t|web_id|tt_from|share_app_id|share_link_id|context|rdt|correlation_id"
)
_TWITTER = {*HOSTS[Platform.TWITTER], "mobile.twitter.com", "mobile.x.com"}
_YOUTUBE = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}
_REDDIT = {"reddit.com", "old.reddit.com", "np.reddit.com", "m.reddit.com", "new.reddit.com"}
_TIKTOK = {"tiktok.com", "m.tiktok.com"}
_INSTAGRAM = {"instagram.com", "m.instagram.com"}
_STATUS = re.compile(r"/(?:[^/]+|i(?:/web)?)/status(?:es)?/(\d+)")
_VIDEO_PATH = re.compile(r"/(?:shorts|live|embed|v)/([\w-]{6,})")
_REDDIT_POST = re.compile(r"(?:/r/[^/]+)?/comments/(\w+)")


def _host(netloc: str) -> str:
    host = netloc.rsplit("@", 1)[-1].lower().rstrip(".")
    host = re.sub(r":(80|443)$", "", host)
    return host.removeprefix("www.")


def _query(query: str, keep: set[str] | None = None) -> str:
    pairs = [
        (k, v)
        for k, v in parse_qsl(query, keep_blank_values=True)
        if (k in keep if keep is not None else not _TRACKING.fullmatch(k.lower()))
    ]
    return urlencode(sorted(pairs))


def _youtube(host: str, path: str, query: str) -> str | None:
    if host == "youtu.be" and len(path) > 1:
        return f"https://www.youtube.com/watch?v={path[1:].split('/', maxsplit=1)[0]}"
    if host not in _YOUTUBE:
        return None
    if match := _VIDEO_PATH.match(path):
        return f"https://www.youtube.com/watch?v={match[1]}"
    keep = {"v"} if path == "/watch" else None
    rest = _query(query, keep)
    return f"https://www.youtube.com{path.rstrip('/')}" + (f"?{rest}" if rest else "")


def link_key(url: str) -> str:
    """The key two shares of the same media have in common.

    Args:
        url: A checked http(s) URL.

    Returns:
        A normalised URL: ``https://``, host without ``www.``/mobile prefixes (or the
        site's main one), tracking parameters dropped, the rest sorted, no fragment.
    """
    parts = urlsplit(url.strip())
    host, path, query = _host(parts.netloc), parts.path or "/", parts.query
    if youtube := _youtube(host, path, query):
        return youtube
    if host in _TWITTER:
        if match := _STATUS.match(path):
            return f"https://x.com/i/status/{match[1]}"
        return f"https://x.com{path.rstrip('/').lower()}"
    if host in _REDDIT or host == "redd.it":
        if host == "redd.it" and len(path) > 1:
            return f"https://www.reddit.com/comments/{path[1:].split('/')[0]}"
        if match := _REDDIT_POST.match(path):
            return f"https://www.reddit.com/comments/{match[1]}"
        return f"https://www.reddit.com{path.rstrip('/')}"
    if host in _TIKTOK:
        host = "www.tiktok.com"
    elif host in _INSTAGRAM:
        host = "www.instagram.com"
    rest = _query(query)
    path = path.rstrip("/") or ""
    return f"https://{host}{path}" + (f"?{rest}" if rest else "")
