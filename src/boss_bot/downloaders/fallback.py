"""One job, several downloaders: the next library tries when the one before finds nothing.

Tried next after: no media, no extractor, a login wall, a web page instead of media, a
broken extractor (the kinds in ``FALL_BACK_ON``). Not after a transient failure
(the retry loop runs the whole job again), nor after one the other library would
meet the same way (removed, too large, timed out, blocked). The job directory is
emptied between them, and they share the job's time. The failure that ends the job
names each library tried and why it failed; its kind is the most useful of theirs.
"""

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from pathlib import Path

from loguru import logger

from boss_bot.core.jobs.retrying import empty_directory
from boss_bot.core.media.content import sniff_file
from boss_bot.core.media.files import describe
from boss_bot.core.ports import Downloader, JobLimits, ProgressCallback
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.fork_server.messages import Claims
from boss_bot.errors import DownloadFailedError, FailureKind

K = FailureKind
USEFUL_FIRST = (  # which failure explains best; also the kinds that let the next one try
    K.LOGIN_REQUIRED,
    K.PRIVATE,
    K.AGE_RESTRICTED,
    K.FORBIDDEN,
    K.EXTRACTOR_BROKEN,
    K.NOT_MEDIA,
    K.NO_MEDIA,
    K.UNSUPPORTED,
)
FALL_BACK_ON = frozenset(USEFUL_FIRST)
MIN_SECONDS = 5.0  # less left of the job's time: the next library does not start
Order = Callable[[str, Mapping[str, str]], tuple[str, ...]]
AskClaims = Callable[[str], Awaitable[Claims]]


async def ask_claims(forker: Forker, url: str) -> Claims:
    """``Forker.claims`` on its thread: which libraries' own extractors claim ``url``."""
    return await asyncio.get_running_loop().run_in_executor(forker.thread, forker.claims, url)


async def _check(engine: str, files: list[Path], last: bool) -> None:
    if not files:
        raise DownloadFailedError(K.NO_MEDIA, f"{engine} wrote no files")
    kinds = [await sniff_file(path) for path in files]
    if not last and not any(kind.accepted for kind in kinds):  # the next library may do better
        what = describe(tuple(kind.what for kind in kinds))
        raise DownloadFailedError(K.NOT_MEDIA, f"{engine}: only {what}", limit=f" (only {what})")


def _usefulness(failure: DownloadFailedError) -> int:
    """Lower explains better: a login wall beats "no media"; unknown failures come last."""
    kind = failure.kind
    return USEFUL_FIRST.index(kind) if kind in USEFUL_FIRST else len(USEFUL_FIRST)


def _final(tried: list[tuple[str, DownloadFailedError]]) -> DownloadFailedError:
    last = tried[-1][1]
    failures = [failure for _, failure in tried]
    if last.kind in FALL_BACK_ON or (last.kind is K.UNKNOWN and len(tried) > 1):
        last = min(failures, key=_usefulness)
    final = DownloadFailedError(
        last.kind,
        " | ".join(f"{engine}: {failure}" for engine, failure in tried),
        limit=last.limit,
        site=last.site,
    )
    final.tried = tuple((engine, failure.kind) for engine, failure in tried)
    return final


class FallbackDownloader:
    """A ``Downloader`` that tries the libraries ``order`` gives until one delivers.

    ``name`` is the library that delivered, once one has (before: all, as "a/b").
    """

    def __init__(self, claims: AskClaims, engines: Mapping[str, Downloader], order: Order) -> None:
        """Ask ``claims`` who claims a link, then try ``engines`` (by name) in ``order``."""
        self.claims, self.engines, self.order = claims, engines, order
        self.name = "/".join(engines)

    async def download(
        self, url: str, dest: Path, limits: JobLimits, on_progress: ProgressCallback
    ) -> list[Path]:
        """Download ``url`` into ``dest`` with the first library that can; see ``Downloader``."""
        loop = asyncio.get_running_loop()
        claims = await self.claims(url)
        engines = self.order(url, claims["claimed"])
        logger.info("{} claimed by {}: trying {}", url, claims["claimed"], engines)
        deadline, tried = loop.time() + limits.timeout, []
        for engine in engines:
            left = deadline - loop.time()
            if tried and left < MIN_SECONDS:
                break
            try:
                bounded = replace(limits, timeout=min(left, limits.timeout))
                files = await self.engines[engine].download(url, dest, bounded, on_progress)
                await _check(engine, files, engine == engines[-1])
            except DownloadFailedError as failure:
                tried.append((engine, failure))
                logger.info("{} failed on {}: {}", engine, url, failure)
                if failure.kind not in FALL_BACK_ON:
                    break
                empty_directory(dest)
                continue
            self.name = engine
            return files
        raise _final(tried)
