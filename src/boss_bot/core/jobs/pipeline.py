"""Wiring the runner from the settings: fetching, fitting, the steps after it, the poster."""

from collections.abc import Sequence

from loguru import logger

from boss_bot.core.cleaning import cleaning_steps
from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.inline import inline_steps
from boss_bot.core.jobs.fetching import Fetcher
from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.jobs.subtitles import SubtitlesFor, no_subtitles
from boss_bot.core.ports import Finished, JobSink, Router
from boss_bot.core.posters import CardStep
from boss_bot.core.results import BatchStep
from boss_bot.core.storage.job_store import JobStore
from boss_bot.core.storage.paths import Storage
from boss_bot.settings import BotSettings


def after_fitting(settings: BotSettings, fitter: Fitter) -> list[BatchStep]:
    """The steps each job's files go through after fitting, as ``settings`` ask.

    Inline playback first (the cleaner sees its result), cleaning last (nothing adds
    metadata after it). The bot adds the caption card's poster (made without any).
    """
    return [*inline_steps(settings.inline_video, fitter), *cleaning_steps(settings)]


def build_runner(
    settings: BotSettings,
    storage: Storage,
    store: JobStore,
    sink: JobSink,
    router: Router,
    *,
    on_finish: Sequence[Finished] = (),
    subtitles: SubtitlesFor = no_subtitles,
) -> JobRunner:
    """The runner every job of the service goes through, configured by ``settings``.

    ``subtitles`` says which subtitle languages each job fetches (none by default).
    """
    fetcher = Fetcher.from_settings(settings, router)
    fitter = Fitter.from_settings(settings)
    if not fitter.tools.available:
        logger.warning("ffmpeg/ffprobe not found: files over the upload limit won't be shrunk")
    steps = [*after_fitting(settings, fitter), CardStep.from_settings(settings)]  # the poster
    return JobRunner(
        storage,
        store,
        sink,
        fetcher,
        fitter=fitter,
        on_finish=on_finish,
        steps=steps,
        subtitles=subtitles,
    )
