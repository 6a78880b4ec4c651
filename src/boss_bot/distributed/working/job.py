"""The function saq runs on a worker: one job through the unchanged ``JobRunner``.

A stop reaches the job as a cancel: saq's abort (the gateway's ⏹️ or ⏸️, or a sweep
taking back a job whose heartbeat lapsed) or the worker shutting down. The reason is
read back from Redis (``BossQueue.stop_reason``) so the runner records it as it would
in one process: a member's cancel ends the job, a pause holds it, anything else hands
it back to be run again.
"""

import asyncio
import contextlib
from collections.abc import Callable, Coroutine
from typing import Any

from saq.job import Job
from saq.types import Context

from boss_bot.core.jobs.runner import JobRunner
from boss_bot.core.jobs.workers import PAUSE, SHUTDOWN
from boss_bot.distributed.queueing import queue_of
from boss_bot.distributed.state import decode_item, encode_item
from boss_bot.distributed.working.meta import JobMeta
from boss_bot.distributed.working.sink import Running, WorkerSink, languages

CANCEL = "cancelled by a member"  # the abort error of ⏹️ / $dlc (PAUSE is ⏸️'s)


async def _reason(job: Job) -> str:
    """Why the job is being stopped: a member's cancel or pause, else it is run again."""
    with contextlib.suppress(Exception):
        reason = await queue_of(job).stop_reason(job.key)
        if reason in (PAUSE, CANCEL):
            return reason
    return SHUTDOWN  # the worker is stopping, or a sweep took the job back


Download = Callable[..., Coroutine[Any, Any, dict[str, Any]]]


def download_function(runner: JobRunner, sink: WorkerSink, heartbeat: float) -> Download:
    """The saq job function (a coroutine function: saq would run any other in a thread)."""

    async def download(
        ctx: Context, *, item: str, limit: int, ping: int | None, subtitles: object = None
    ) -> dict[str, Any]:
        """Run the job ``item`` (its latest state if an earlier try got anywhere).

        ``subtitles``: the languages it fetches for search (``WorkerSink.subtitle_langs``);
        a job handed by an older gateway has none.
        """
        job = ctx.get("job")
        current = decode_item(job.meta.get("item")) if job else None
        current = current or decode_item(item)
        if job is None or current is None:
            raise ValueError("not a boss-bot job")
        if current.status.finished:  # ended just as its worker died: nothing to do again
            return {"item": encode_item(current), "result": job.meta.get("result")}
        meta = JobMeta(job, heartbeat / 3)
        sink.jobs[current.id] = Running(meta, limit, ping, languages(subtitles))
        meta.start()
        run = asyncio.create_task(runner.run(current), name=f"boss-bot-job-{current.id}")
        try:
            final = await asyncio.shield(run)
        except asyncio.CancelledError:
            reason = await _reason(job)
            run.cancel(reason)
            with contextlib.suppress(BaseException):
                await run
            if reason == PAUSE:  # another worker may resume it: nothing to keep here
                runner.storage.cleanup(current.id)
            raise
        finally:
            await meta.close()
            sink.jobs.pop(current.id, None)
        return {"item": encode_item(final), "result": meta.state.get("result")}

    return download
