"""One acknowledgement for a command with several links, which every job shares.

Each link is its own job, submitted on its own (its own limits: a link over the
member's waiting cap is refused while the others are queued). The submissions run
together; each one's acknowledgement waits until every link is admitted or refused,
then one message is posted with a line per link (job id, position, link; or why it
was not queued) and its id becomes the status message of every job. So no job is
queued before the message exists, and a failed post queues none of them. The jobs
then enter the queue one after the other in the links' order (``turn``).
"""

import asyncio
from collections.abc import Awaitable, Callable, Sequence

import discord
from discord.ext import commands

from boss_bot.bot import render
from boss_bot.bot.client import BossBot
from boss_bot.bot.emoji import REACTIONS
from boss_bot.bot.replies import answer, best_effort
from boss_bot.bot.shared_status import fit, line, refusal
from boss_bot.core.fmt import duration
from boss_bot.core.items import DownloadItem
from boss_bot.core.jobs.admission import JobRequest
from boss_bot.errors import UserFacingError

Line = tuple[str | None, str]  # a job's id (None: not queued) and its line
Post = Callable[[list[Line]], Awaitable[int]]


def accepted(item: DownloadItem, position: int, wait: float) -> str:
    """A job's line in the acknowledgement: its id and place in the queue, always."""
    start = f"starts in about {duration(wait)}" if wait > 0 else "starting now"
    return f"📥 Job {render.job_ref(item)} accepted, position {position} in the queue ({start})."


class Gathering:
    """Collects a line per link; the last to arrive posts them all as one message."""

    def __init__(self, count: int, post: Post) -> None:
        self._lines: list[Line | None] = [None] * count
        self._post = post
        self._posted: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._turns = [asyncio.Event() for _ in range(count)]
        self._turns[0].set()

    async def arrive(self, index: int, key: str | None, text: str) -> int:
        """Give link ``index``'s line; returns the message's id once it is posted."""
        if self._lines[index] is None:
            self._lines[index] = (key, text)
            if all(self._lines):
                try:
                    self._posted.set_result(await self._post([x for x in self._lines if x]))
                except Exception as exc:
                    self._posted.set_exception(exc)
        return await asyncio.shield(self._posted)

    async def turn(self, index: int) -> None:
        """Wait until the links before ``index`` are queued (or refused)."""
        await self._turns[index].wait()

    async def pass_on(self, index: int) -> None:
        """Link ``index`` is queued or refused: the next one's turn, once it is ours."""
        await self.turn(index)
        if index + 1 < len(self._turns):
            self._turns[index + 1].set()

    @property
    def queued(self) -> bool:
        """Whether any link became a job."""
        return any(x and x[0] for x in self._lines)


async def submit_several(ctx: commands.Context[BossBot], requests: Sequence[JobRequest]) -> None:
    """Submit one job per request, acknowledged together in one shared status message."""
    bot = ctx.bot
    posted: list[discord.Message] = []

    async def post(lines: list[Line]) -> int:
        message = await answer(ctx, fit([text for _, text in lines]))
        bot.sink.shared.open(message.id, lines)
        posted.append(message)
        return message.id

    gathering = Gathering(len(requests), post)

    async def one(index: int, request: JobRequest) -> None:
        async def acknowledge(item: DownloadItem, position: int, wait: float) -> int:
            message_id = await gathering.arrive(
                index, item.id, line(item, accepted(item, position, wait))
            )
            await gathering.turn(index)  # ``submit`` queues the job as soon as this returns
            return message_id

        try:
            await bot.service.submit(request, acknowledge)
        except UserFacingError as exc:
            await gathering.arrive(index, None, refusal(request.url.url, str(exc)))
        except Exception:
            await gathering.arrive(index, None, refusal(request.url.url, "something went wrong."))
            raise
        finally:
            await gathering.pass_on(index)

    await asyncio.gather(*(one(n, request) for n, request in enumerate(requests)))
    if gathering.queued and posted:
        for emoji in REACTIONS:
            await best_effort(posted[0].add_reaction(emoji))
