"""``bossbotctl download``: the bot's download pipeline, printed to a terminal."""

import shutil
import tempfile
from pathlib import Path

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.fmt import size
from boss_bot.core.items import ProgressEvent
from boss_bot.core.jobs.assembly import after_fitting
from boss_bot.core.jobs.fetching import Fetcher, validate
from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.routing import Downloaders
from boss_bot.errors import DownloadFailedError, UserFacingError
from boss_bot.errors.kinds import SHORT
from boss_bot.settings import BotSettings


def _free_name(directory: Path, name: str) -> Path:
    target, stem, suffix, n = directory / name, Path(name).stem, Path(name).suffix, 1
    while target.exists():
        target, n = directory / f"{stem} ({n}){suffix}", n + 1
    return target


async def download_to(settings: BotSettings, url: str, output: Path, fit: int | None = None) -> int:
    """Download ``url`` into ``output`` (fitting files to ``fit`` bytes); return an exit code.

    The files go through the bot's own steps after fitting (inline playback, cleaning),
    so what lands in ``output`` is what the bot would post.
    """
    output.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - once, before any I/O
    work = Path(tempfile.mkdtemp(prefix=".bossbot-", dir=output))
    columns = (BarColumn(), DownloadColumn(), TransferSpeedColumn())
    forker = Forker()
    downloaders = Downloaders(forker)
    try:
        with Progress("{task.description}", *columns, transient=True) as bar:
            task = bar.add_task("downloading", total=None)

            def show(event: ProgressEvent) -> None:
                bar.update(task, completed=event.downloaded, total=event.total)

            async def again(failure: DownloadFailedError, tried: int, delay: float) -> None:
                what = SHORT.get(failure.kind, failure.kind.value)
                bar.console.print(
                    f"{what} (try {tried} of {fetcher.retry.tries}); again in {delay:.0f} s"
                )

            fetcher = Fetcher.from_settings(settings, downloaders.route)
            checked = await validate(url, allow_private=settings.allow_private_urls)
            batch = await fetcher(checked, work, show, again, target=fit)
            fitter, limit = Fitter.from_settings(settings), fit or settings.max_download_bytes
            if fit and fitter.needed(batch.files, fit):
                bar.update(task, description="shrinking")
                batch = await fitter.fit_all(batch, fit)
            bar.update(task, description="finishing")  # plays inline, no metadata: as posted
            for step in after_fitting(settings, fitter):
                batch = await step(batch, limit)
        for note in batch.notes:
            typer.echo(note, err=True)
        for path in batch.files:
            target = _free_name(output, path.name)
            shutil.move(path, target)
            typer.echo(f"{target}  ({size(target.stat().st_size)})")
        return 0
    except UserFacingError as exc:
        typer.echo(f"error: {exc}", err=True)
        return 1
    except DownloadFailedError as exc:
        typer.echo(f"error: {exc.user_message(ref='cli')}", err=True)
        return 1
    finally:
        forker.close()
        shutil.rmtree(work, ignore_errors=True)
