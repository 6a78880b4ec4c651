"""YouTube's JavaScript challenges: yt-dlp's solver scripts, run by the deno uv installs.

YouTube hides its formats behind signature and "n" challenges that only its own
JavaScript answers. yt-dlp solves them by running the scripts of ``yt-dlp-ejs`` (its
``default`` extra) in a JavaScript runtime; ``deno`` comes from PyPI, whose package puts
the binary beside the venv's python. yt-dlp is given that path, so no runtime from the
system's PATH is used, and no remote component: no script is ever fetched at run time.
"""

from functools import cache
from typing import Any

import deno


@cache
def deno_path() -> str | None:
    """Where the ``deno`` package's binary is, or None when it is not installed.

    Found once (in the fork server, before it forks): the search reads Python's build
    configuration, about 5 MB that a download child would otherwise make its own.
    """
    try:
        return deno.find_deno_bin()
    except FileNotFoundError:
        return None


def javascript_options() -> dict[str, Any]:
    """yt-dlp options: deno from our environment (else yt-dlp's own search), nothing remote."""
    path = deno_path()
    return {
        "js_runtimes": {"deno": {"path": path} if path else {}},
        "remote_components": [],
    }
