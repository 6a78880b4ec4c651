"""The step after fitting that makes each file play inline in Discord (see ``core.inline``).

Every file is judged first (sniffed, probed); only if one needs work is the job shown
as converting. Remuxes (stream copies, seconds at most) run at once; encodes take the
fitter's encode slot, as fitting does, so jobs take turns, and all of a job's encodes
stop at ``FIT_TIMEOUT``. A file that cannot be converted, or would not come out within
the limit, is posted as it came, and no note claims otherwise.
"""

import asyncio
from dataclasses import dataclass, replace
from pathlib import Path

from loguru import logger

from boss_bot.core.fitting.fitter import Fitter
from boss_bot.core.fmt import duration
from boss_bot.core.inline._judging import Judged, judge_file
from boss_bot.core.inline._verdict import Action
from boss_bot.core.inline._work import convert
from boss_bot.core.items import DownloadStatus
from boss_bot.core.phases import announce
from boss_bot.core.results import Batch


@dataclass(frozen=True, slots=True)
class InlineStep:
    """Remuxes (``remux``), and also re-encodes (``full``), what Discord would not play."""

    fitter: Fitter
    encode: bool = True  # ``full``; ``remux`` only moves streams into another container

    def _wanted(self, judged: Judged) -> bool:
        action = judged.verdict.action
        return action is Action.REMUX or (self.encode and action is not Action.KEEP)

    async def _encodes(
        self, todo: list[tuple[int, Judged]], limit: int, out: list[tuple[Path, str]]
    ) -> str:
        """Run the encodes in ``todo`` into ``out`` in the encode slot; a note if time ran out."""
        async with self.fitter.encodes:  # x264 uses every core: jobs take turns
            try:
                async with asyncio.timeout(self.fitter.timeout):
                    for index, one in todo:
                        out[index] = await convert(self.fitter, one, limit)
            except TimeoutError:
                logger.warning("converting stopped after {:.0f} s", self.fitter.timeout)
                stop = duration(self.fitter.timeout)
                return f"Stopped converting after {stop}, my limit: the rest is as it came."
        return ""

    async def __call__(self, batch: Batch, limit: int) -> Batch:
        """``batch`` with each file that needed it converted, and a note for each."""
        if not self.fitter.tools.available:
            return batch
        judged = [await judge_file(self.fitter, path, limit) for path in batch.files]
        todo = [(index, one) for index, one in enumerate(judged) if self._wanted(one)]
        if not todo:
            return batch
        await announce(DownloadStatus.CONVERTING)
        out: list[tuple[Path, str]] = [(path, "") for path in batch.files]
        for index, one in todo:
            if one.verdict.action is Action.REMUX:  # a copy of the streams: no encode slot
                out[index] = await convert(self.fitter, one, limit)
        encodes = [(i, one) for i, one in todo if one.verdict.action is not Action.REMUX]
        stopped = await self._encodes(encodes, limit, out) if encodes else ""
        notes = [*batch.notes, *(note for _, note in out if note), *([stopped] if stopped else [])]
        return replace(batch, files=[path for path, _ in out], notes=tuple(notes))
