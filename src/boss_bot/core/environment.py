"""What child processes (downloads, ffmpeg, ffprobe) see of the environment: no secrets."""

import os

_KEPT_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ", "SYSTEMROOT")


def child_env() -> dict[str, str]:
    """No token, no proxies; coverage's own variables pass (for the test suite)."""
    keep = {k: v for k, v in os.environ.items() if k in _KEPT_ENV or k.startswith("COVERAGE")}
    # no_proxy=* also keeps urllib from asking macOS for system proxies (in a forked child)
    fixed = {"PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1", "no_proxy": "*"}
    return {**keep, **fixed}
