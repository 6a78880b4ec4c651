"""A step after fitting telling its job's status that slow work starts (``CONVERTING``).

A ``BatchStep`` gets the files and the upload limit, not the job, and most steps are
quick and silent. One that is about to take a while (re-encoding a video) calls
``await announce(DownloadStatus.CONVERTING)``; the runner, around its steps, sets what
that does for the job it runs (``announcing``): save and show the job in that state.
The callback lives in a context variable, so each job's task sees its own; outside a
job (``bossbotctl download``, tests of a step alone) ``announce`` does nothing.
"""

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from boss_bot.core.items import DownloadStatus

Show = Callable[[DownloadStatus], Awaitable[None]]
_show: ContextVar[Show | None] = ContextVar("show_phase", default=None)


@contextmanager
def announcing(show: Show) -> Iterator[None]:
    """While inside, ``announce`` calls ``show`` (in this task and the ones it starts)."""
    token = _show.set(show)
    try:
        yield
    finally:
        _show.reset(token)


async def announce(status: DownloadStatus) -> None:
    """Show the running job in ``status``; nothing outside a job."""
    if (show := _show.get()) is not None:
        await show(status)
