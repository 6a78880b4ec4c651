"""yt-dlp's TLS contexts, made once in the fork server and shared by every child.

Each of yt-dlp's request handlers (urllib, requests, websockets) makes its own
``ssl.SSLContext`` and loads certifi's ~150 authorities into it: about 9 MB of
OpenSSL's memory in every download child, even one that only fetches ``http://``.
``install`` (run by the fork server before it forks) makes yt-dlp ask ``shared``
instead, which makes one context per set of arguments and hands the same one back
after: the one the server made is in pages every child shares. The contexts are
configured by the arguments only (verification, legacy renegotiation, client
certificate), so handlers that ask alike get alike; urllib3 sets ``verify_mode`` to
the value the context already has.
"""

import ssl
from typing import Any

from yt_dlp.networking import common

_made = common.__dict__["make_ssl_context"]  # yt-dlp's own, imported by its handlers' module
_contexts: dict[tuple[tuple[str, Any], ...], ssl.SSLContext] = {}


def shared(**kwargs: Any) -> ssl.SSLContext:
    """yt-dlp's ``make_ssl_context(**kwargs)``, made once per set of arguments."""
    key = tuple(sorted(kwargs.items()))
    if key not in _contexts:
        _contexts[key] = _made(**kwargs)
    return _contexts[key]


def install() -> None:
    """Make yt-dlp's handlers share contexts in this process, and make the default one now."""
    common.__dict__["make_ssl_context"] = shared
    shared(verify=True, legacy_support=False, use_certifi=True)  # what a job's handlers ask
