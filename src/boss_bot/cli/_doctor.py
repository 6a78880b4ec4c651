"""``bossbotctl doctor``: everything an operator can get wrong, checked."""

import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version

from boss_bot.cli import _cookies
from boss_bot.cli._doctor_versions import downloader_checks
from boss_bot.core.ffmpeg import Tools
from boss_bot.core.fmt import size
from boss_bot.core.storage.job_store import DamagedError, check, damaged_copies
from boss_bot.core.storage.paths import Storage
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.javascript_check import check_javascript
from boss_bot.settings import BotSettings

_INSPECT = " (open them with sqlite3 if you need their jobs, then delete them to clear this)"
Check = tuple[bool | None, str, str]  # (ok, or None for a warning), name, detail


def _tool_version(name: str, path: str | None) -> Check:
    if path is None:
        hint = "install it (Debian/Ubuntu: apt install ffmpeg; macOS: brew install ffmpeg)"
        return None, name, f"not found on PATH; {hint}. Files over the upload limit stay unshrunk"
    out = subprocess.run(
        [path, "-version"], check=False, capture_output=True, text=True, timeout=10
    )
    first = (out.stdout.splitlines() or ["unknown version"])[0]
    return True, name, f"{first} ({path})"


def _package(name: str) -> Check:
    try:
        return True, name, version(name)
    except PackageNotFoundError:
        return False, name, "not installed; run `uv sync`"


def _data_dir(settings: BotSettings) -> Check:
    root = settings.data_dir
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root):
            pass
    except OSError as exc:
        return False, "data dir", f"{root} is not writable ({exc.strerror})"
    free = shutil.disk_usage(root).free
    ok = True if free > 2 * settings.max_download_bytes else None
    return ok, "data dir", f"{root} (writable, {size(free)} free)"


def _metrics_port(port: int | None) -> Check:
    if port is None:
        return True, "metrics", "off (set BOSS_BOT_METRICS_PORT to serve /metrics and /health)"
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError as exc:
            return False, "metrics", f"127.0.0.1:{port} is not free ({exc.strerror})"
    return True, "metrics", f"127.0.0.1:{port} is free"


def _downloads(forker: Forker) -> Check:
    try:
        loaded = forker.ping()
    except (OSError, ValueError) as exc:
        return False, "downloads", f"the download process server did not start ({exc!r})"
    finally:
        forker.close()
    ready = f"download process server ready in {loaded['seconds']} s"
    if loaded["failed"]:
        slow = "; ".join(loaded["failed"])
        return None, "downloads", f"{ready}, but warming failed ({slow}): each job starts slower"
    return True, "downloads", ready


def _queue_db(settings: BotSettings) -> Check:
    path = Storage(settings.data_dir, settings.shard_tag).queue_db
    if moved := damaged_copies(path):
        detail = f"{len(moved)} damaged queue database(s) moved aside at start-up, newest "
        return None, "queue db", detail + f"{moved[-1]}; its jobs were not resumed" + _INSPECT
    try:
        check(path)
    except DamagedError as exc:
        return None, "queue db", f"{path} is damaged ({exc}); the bot moves it aside at start-up"
    except sqlite3.Error as exc:
        return None, "queue db", f"{path} could not be checked ({exc})"
    return True, "queue db", f"{path} ({'ok' if path.exists() else 'not created yet'})"


def checks(settings: BotSettings) -> Iterator[Check]:
    """Yield every check's outcome, in the order an operator would fix them."""
    has_token = settings.discord_token is not None
    yield (
        True if has_token else None,
        "token",
        "set (hidden)" if has_token else "BOSS_BOT_DISCORD_TOKEN is not set; `run` needs it",
    )
    yield None, "intents", "enable 'Message Content Intent' in the Discord developer portal"
    yield _data_dir(settings)
    yield True, "shards", settings.shard_summary
    yield _queue_db(settings)
    yield from _cookies.checks(settings)
    tools = Tools.find(settings.ffmpeg_path, settings.ffprobe_path)
    yield _tool_version("ffmpeg", tools.ffmpeg)
    yield _tool_version("ffprobe", tools.ffprobe)
    yield _package("discord.py")
    yield from downloader_checks(settings)
    yield _downloads(Forker())  # a server of its own, stopped once it answered
    js = check_javascript()  # YouTube's challenges: deno and yt-dlp's solver scripts
    yield js.ok, "youtube js", js.detail
    yield _metrics_port(settings.metrics_port)
    yield True, "python", sys.version.split()[0]
