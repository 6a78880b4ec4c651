"""``bossbotctl selftest``: one item per platform through the bot's pipeline, no Discord.

Each link goes where ``bossbotctl download`` sends one (validate, then the ``Fetcher``
with its retries, then fitting to an unboosted server's 10 MiB) into a temporary
directory that is removed afterwards. Every outcome becomes a ``Row``.
"""

import shutil
import tempfile
import time
from importlib.resources import files
from pathlib import Path

from loguru import logger

from boss_bot.cli._selftest_report import Row, failure_row
from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.fmt import size
from boss_bot.core.items import ProgressEvent
from boss_bot.core.jobs.fetching import Fetcher, validate
from boss_bot.core.ports import Downloader
from boss_bot.core.urls import CheckedURL
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.routing import Downloaders
from boss_bot.errors import DownloadFailedError, UserFacingError
from boss_bot.settings import BotSettings

FIT = 10 * 1024 * 1024  # a server without boosts


def live_links() -> str:
    """The list kept in the repository (``selftest_links.txt`` beside this module)."""
    return files("boss_bot.cli").joinpath("selftest_links.txt").read_text()


def read_links(text: str) -> list[tuple[str, str]]:
    """``(platform, url)`` pairs from ``platform url`` lines; ``#`` lines are comments.

    Raises:
        ValueError: A line has no platform before its url.
    """
    links = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.rsplit(maxsplit=1)
        if len(parts) < 2:
            raise ValueError(f"line {number}: expected 'platform url', got {line.strip()!r}")
        links.append((parts[0].strip(), parts[1]))
    return links


def _quiet(event: ProgressEvent) -> None:
    """No progress bar: the report comes at the end."""


async def _one(settings: BotSettings, downloaders: Downloaders, platform: str, url: str) -> Row:
    used: list[Downloader] = []
    tried = ""  # a failure: the libraries tried, in order

    def route(checked: CheckedURL) -> Downloader:
        used.append(downloaders.route(checked))
        return used[-1]

    start, work = time.monotonic(), Path(tempfile.mkdtemp(prefix="bossbot-selftest-"))
    try:
        checked = await validate(url, allow_private=settings.allow_private_urls)
        batch = await Fetcher.from_settings(settings, route)(checked, work, _quiet, target=FIT)
        if (fitter := Fitter.from_settings(settings)).needed(batch.files, FIT):
            batch = await fitter.fit_all(batch, FIT)
        total = size(sum(path.stat().st_size for path in batch.files))
        result, hint = "ok", ""
    except DownloadFailedError as exc:
        (result, hint), total = failure_row(exc), "-"
        tried = " → ".join(engine for engine, _ in exc.tried)
    except UserFacingError as exc:
        (result, hint), total = failure_row(exc), "-"
    except Exception as exc:  # a bug: one row says so, the others still run
        logger.exception("selftest of {} failed", url)
        (result, hint), total = (f"error: {type(exc).__name__}", "a bug: see the log"), "-"
    finally:
        shutil.rmtree(work, ignore_errors=True)
    name = tried or " → ".join(dict.fromkeys(d.name for d in used)) or "-"  # who delivered
    return Row(platform, name, result, total, round(time.monotonic() - start, 1), hint)


async def run_selftest(settings: BotSettings, links: list[tuple[str, str]]) -> list[Row]:
    """Download each link in turn (one download process server for all); one row each."""
    forker = Forker()
    try:
        downloaders = Downloaders(forker)
        return [await _one(settings, downloaders, platform, url) for platform, url in links]
    finally:
        forker.close()
